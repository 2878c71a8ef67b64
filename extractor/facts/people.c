/* people.c — people: names, their roles, one person per surname, and every mention. */
#include <stdlib.h>
#include <string.h>

#include "facts/factsint.h"

/* A word that can be (part of) a surname. */
static int surname_word(const fx *x, int j)
{
	return fx_content(x, j) && x->org_of[j] < 0 && !fx_is(x, j, FK(F_ROLE)) &&
	       !fx_is(x, j, FK(F_ORG_HEAD)) && !fx_is(x, j, FK(F_HONORIFIC)) &&
	       !fx_is(x, j, FK(F_ADVERB)) && !x->t[j].nl; /* not «امین راستی ظهر» */
}

/* A word that ends a name: punctuation, a stop word, a role, a cue, the text's end. */
static int boundary(const fx *x, int j)
{
	return j >= x->nt || x->t[j].nl || !fx_content(x, j) || fx_is(x, j, FK(F_ROLE)) ||
	       fx_is(x, j, FK(F_ORG_HEAD)) || x->org_of[j] >= 0;
}

/* The surname from token j: a word, its parts («زارع پور»), and a second word when a
 * boundary follows («هاشمی رفسنجانی»). Returns its end, or j when there is none. */
static int surname_end(const fx *x, int j)
{
	if (!surname_word(x, j) || fx_is(x, j, FK(F_FIRST)))
		return j;
	int k = j + 1;
	while (k < x->nt && fx_is(x, k, FK(F_NAME_PART)) && !x->t[k].nl)
		k++;
	if (surname_word(x, k) && !fx_is(x, k, FK(F_FIRST))) {
		int m = k + 1;
		while (m < x->nt && fx_is(x, m, FK(F_NAME_PART)) && !x->t[m].nl)
			m++;
		if (boundary(x, m))
			k = m;
	}
	return k;
}

/* The folded surname of tokens [a, b), joined: «زارع پور» = «زارع‌پور» =
 * «زارعپور».
 */
void fx_surname_key(const fx *x, int a, int b, char *out, size_t cap)
{
	size_t w = 0;
	for (int k = a; k < b; k++) {
		size_t l = x->t[k].flen;
		if (w + l + 1 > cap)
			break;
		memcpy(out + w, x->t[k].f, l);
		w += l;
	}
	out[w] = '\0';
}

static int add_mention(fx *x, kh_person *p, size_t start, size_t end)
{
	for (size_t m = 0; m < p->nmentions; m++)
		if (p->mentions[m].start == start)
			return 0;
	if (!fx_push(x, (void **)&p->mentions, p->nmentions, sizeof *p->mentions))
		return -1;
	size_t at = p->nmentions;
	while (at > 0 && p->mentions[at - 1].start > start) {
		p->mentions[at] = p->mentions[at - 1];
		at--;
	}
	p->mentions[at] = (kh_span){start, end};
	p->nmentions++;
	return 0;
}

int fx_person(fx *x, int a, int sur, int b, int role_a, int role_b)
{
	if (x->nnames >= 4096)
		return -1; /* no news article names so many: a page of lists, left alone */
	char key[256], other[256];
	fx_surname_key(x, sur, b, key, sizeof key);
	kh_facts *o = x->out;
	int found = -1;
	for (size_t i = 0; i < x->nnames && found < 0; i++) {
		const fx_name *n = &x->names[i];
		fx_surname_key(x, n->sur, n->b, other, sizeof other);
		if (!strcmp(key, other))
			found = n->person;
	}
	if (found < 0) {
		if (!fx_push(x, (void **)&o->people, o->npeople, sizeof *o->people))
			return -1;
		memset(&o->people[o->npeople], 0, sizeof *o->people);
		found = (int)o->npeople++;
	}
	kh_person *p = &o->people[found];
	char *name = fx_text(x, a, b);
	if (!name)
		return -1;
	if (!p->name || strlen(name) > strlen(p->name)) {
		free(p->name);
		p->name = name;
	} else {
		free(name);
	}
	if (role_a >= 0 && role_b > role_a && !p->role) {
		p->role = fx_text(x, role_a, role_b);
		for (int k = role_b - 1; k >= role_a && !p->organization; k--)
			if (x->org_of[k] >= 0)
				p->organization = strdup(x->orgs[x->org_of[k]].canonical);
	}
	fx_name *gn = kh_grow(x->names, &x->namecap, x->nnames, sizeof *x->names);
	if (!gn) {
		x->failed = 1;
		return -1;
	}
	x->names = gn;
	x->names[x->nnames++] = (fx_name){a, b, sur, role_a, role_b, found};
	add_mention(x, p, x->t[a].s, x->t[b - 1].e);
	return found;
}

/* The role next to a name at [a, b): after it («جواد موحد معاون ...», also after a
 * comma) or just before it («وزیر امور خارجه محمدجواد ظریف»). */
static void role_of(const fx *x, int a, int b, int *ra, int *rb)
{
	*ra = *rb = -1;
	int s = b;
	if (s < x->nt && (x->t[s].punct == '>' || x->t[s].punct == '"'))
		s++; /* «« ستار محمودی » ، قائم‌مقام وزیر نیرو» */
	if (s < x->nt && x->t[s].punct == ',')
		s++;
	int e = fx_role_end(x, s);
	if (e > s) {
		*ra = s, *rb = e;
		return;
	}
	int h = a; /* «فرمانده کل سپاه سرلشکر محمدعلی جعفری»: honorifics between */
	while (h > 0 && fx_is(x, h - 1, FK(F_HONORIFIC)))
		h--;
	for (int k = h - 1; k >= 0 && k >= h - 12 && !x->t[k + 1].nl; k--)
		if (fx_is(x, k, FK(F_ROLE)) && fx_role_end(x, k) == h) {
			*ra = k, *rb = h;
			return;
		}
}

void fx_find_people(fx *x)
{
	for (int i = 0; i < x->nt && !x->failed; i++) {
		if (x->org_of[i] >= 0 || !fx_is(x, i, FK(F_FIRST)))
			continue;
		if (i > 0 && fx_is(x, i - 1, FK(F_FIRST)) && !x->t[i].nl)
			continue; /* inside a run of first names already tried */
		int j = i;
		while (j < x->nt && j - i < 3 && fx_is(x, j, FK(F_FIRST)) &&
		       (j == i || !x->t[j].nl))
			j++;
		int e = surname_end(x, j);
		if (e == j && j - i >= 2)
			j--, e = surname_end(
			             x, j); /* «علی اکبر»: the last first name is the surname */
		if (e == j)
			continue;
		int ra, rb;
		role_of(x, i, e, &ra, &rb);
		fx_person(x, i, j, e, ra, rb);
		i = e - 1;
	}
}

/* The surnames of the people, for lookups by their letters. */
typedef struct surnames {
	char (*key)[64];
	int *person;
	int *slot; /* open addressing over `size` slots: an index into key, or -1 */
	size_t n, size;
} surnames;

static unsigned key_hash(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static int surnames_find(const surnames *sn, const char *key)
{
	for (size_t h = key_hash(key) & (sn->size - 1);; h = (h + 1) & (sn->size - 1)) {
		int q = sn->slot[h];
		if (q < 0)
			return -1;
		if (!strcmp(sn->key[q], key))
			return sn->person[q];
	}
}

static int surnames_build(fx *x, surnames *sn)
{
	sn->size = 64;
	while (sn->size < 2 * x->nnames + 2)
		sn->size *= 2;
	sn->key = malloc((x->nnames + 1) * sizeof *sn->key);
	sn->person = malloc((x->nnames + 1) * sizeof *sn->person);
	sn->slot = malloc(sn->size * sizeof *sn->slot);
	if (!sn->key || !sn->person || !sn->slot)
		return -1;
	for (size_t h = 0; h < sn->size; h++)
		sn->slot[h] = -1;
	sn->n = 0;
	for (size_t i = 0; i < x->nnames; i++) {
		char k[64];
		fx_surname_key(x, x->names[i].sur, x->names[i].b, k, sizeof k);
		if (!k[0] || surnames_find(sn, k) >= 0)
			continue;
		memcpy(sn->key[sn->n], k, sizeof k);
		sn->person[sn->n] = x->names[i].person;
		size_t h = key_hash(k) & (sn->size - 1);
		while (sn->slot[h] >= 0)
			h = (h + 1) & (sn->size - 1);
		sn->slot[h] = (int)sn->n++;
	}
	return 0;
}

void fx_find_mentions(fx *x)
{
	kh_facts *o = x->out;
	surnames sn = {0};
	char *inside = calloc((size_t)x->nt + 1, 1);
	if (!inside || surnames_build(x, &sn)) {
		x->failed = 1;
		goto done;
	}
	for (size_t n = 0; n < x->nnames; n++)
		for (int k = x->names[n].a; k < x->names[n].b && k < x->nt; k++)
			inside[k] = 1;
	for (int i = 0; i < x->nt && !x->failed; i++) {
		if (inside[i] || !surname_word(x, i))
			continue;
		/* the same letters over 1-3 tokens: «زارع پور», «زارع‌پور»,
		 * «زارعپور»
		 */
		char key[64];
		int found = -1, used = 0;
		for (int k = i; k < x->nt && k - i < 3 && surname_word(x, k) && !inside[k]; k++) {
			fx_surname_key(x, i, k + 1, key, sizeof key);
			int p = surnames_find(&sn, key);
			if (p >= 0)
				found = p, used = k - i + 1;
		}
		if (found < 0)
			continue;
		add_mention(x, &o->people[found], x->t[i].s, x->t[i + used - 1].e);
		i += used - 1;
	}
done:
	free(inside);
	free(sn.key);
	free(sn.person);
	free(sn.slot);
}

void fx_person_entities(fx *x)
{
	kh_facts *o = x->out;
	/* PER entities: each mention that is not a pronoun */
	for (size_t p = 0; p < o->npeople && !x->failed; p++) {
		kh_person *pp = &o->people[p];
		for (size_t m = 0; m < pp->nmentions; m++) {
			const char *s = x->text + pp->mentions[m].start;
			size_t l = pp->mentions[m].end - pp->mentions[m].start;
			if ((l == 4 && !memcmp(s, "وی", 4)) || (l == 4 && !memcmp(s, "او", 4)) ||
			    (l == 4 && !memcmp(s, "وي", 4)))
				continue;
			char *c = pp->name ? strdup(pp->name) : NULL;
			if (!c ||
			    !fx_push(x, (void **)&o->entities, o->nentities, sizeof *o->entities)) {
				free(c);
				x->failed = 1;
				return;
			}
			o->entities[o->nentities++] = (kh_entity){KH_ENT_PER, pp->mentions[m].start,
			                                          pp->mentions[m].end, c};
		}
	}
}
