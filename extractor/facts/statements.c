/* statements.c — who said what: a reporting cue, its speaker and the content. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "facts/factsint.h"
#include "facts/tagger.h"

typedef struct speaker {
	int person; /* or -1 */
	char *name; /* when person < 0: a role or organization phrase (owned) */
	char *role; /* owned, may be NULL */
	int sa, sb; /* the mention's tokens, sa < 0 when none */
	int skip;   /* the news agency: not a statement */
} speaker;

/* Token k lies inside the content of a statement found so far. */
static int in_content(const fx *x, int k)
{
	const kh_facts *o = x->out;
	for (size_t i = 0; i < o->nstatements; i++)
		if (x->t[k].s >= o->statements[i].start && x->t[k].s < o->statements[i].end)
			return 1;
	return 0;
}

/* The person mentioned last before token k: a name or a statement's speaker. Names
 * inside what someone said do not count: in «X گفت: ترامپ ... . وی افزود» «وی» is X. */
static int recent_person(const fx *x, int k)
{
	int best = -1, at = -1;
	for (size_t n = 0; n < x->nnames; n++)
		if (x->names[n].a < k && x->names[n].a > at && !in_content(x, x->names[n].a))
			at = x->names[n].a, best = x->names[n].person;
	if (x->last_person >= 0 && x->last_person_tok > at && x->last_person_tok < k)
		best = x->last_person;
	return best;
}

/* A known person's surname at token i: the person, and the tokens in *used. */
static int surname_at(const fx *x, int i, int *used)
{
	for (size_t n = 0; n < x->nnames; n++) {
		const fx_name *nm = &x->names[n];
		if (i >= nm->a && i < nm->b) {
			*used = nm->b - i;
			return nm->person;
		}
	}
	char want[256], key[256];
	for (size_t n = 0; n < x->nnames; n++) {
		const fx_name *nm = &x->names[n];
		fx_surname_key(x, nm->sur, nm->b, want, sizeof want);
		size_t w = strlen(want);
		for (int k = i; k < x->nt && k - i < 3 && !x->t[k].punct && !x->t[k].num; k++) {
			fx_surname_key(x, i, k + 1, key, sizeof key);
			size_t kl = strlen(key);
			if (kl == w && !memcmp(key, want, w)) {
				*used = k - i + 1;
				return nm->person;
			}
			if (kl >= w)
				break;
		}
	}
	return -1;
}

/* The one person whose role holds the role phrase of tokens [a, b) («وزیر ارتباطات»),
 * or -1. */
static int person_of_role(fx *x, int a, int b)
{
	char want[512], have[512];
	size_t w = 0;
	int found = -1;
	for (int k = a; k < b && w + x->t[k].flen < sizeof want; k++)
		if (!x->t[k].punct)
			memcpy(want + w, x->t[k].f, x->t[k].flen), w += x->t[k].flen;
	want[w] = '\0';
	for (size_t p = 0; p < x->out->npeople; p++) {
		const char *r = x->out->people[p].role;
		if (!r)
			continue;
		kh_word_fold(r, strlen(r), have, sizeof have);
		/* drop the folded punctuation kh_word_fold keeps */
		size_t hl = 0;
		for (size_t q = 0; have[q]; q++)
			if (have[q] != ',' && have[q] != '.')
				have[hl++] = have[q];
		have[hl] = '\0';
		if (w >= 4 && strstr(have, want)) {
			if (found >= 0)
				return -1; /* two people hold it: which one is not known */
			found = (int)p;
		}
	}
	return found;
}

/* Who speaks in tokens [a, b) before a cue, the speaker at the head of the region.
 * Returns 0 when nobody can be found. */
static int resolve_at(fx *x, int a, int b, speaker *s, int head)
{
	memset(s, 0, sizeof *s);
	s->person = -1;
	s->sa = -1;
	int u;
	for (int k = a; k < b && !x->failed; k++) {
		if (x->t[k].punct || x->t[k].num)
			continue;
		if (x->t[k].flen == 1 && k == a)
			continue; /* a bullet left by the page: «O صادق نیت گفت» */
		if (fx_is(x, k, FK(F_PRONOUN))) {
			s->person = recent_person(x, k);
			s->sa = k, s->sb = k + 1;
			return s->person >= 0;
		}
		int p = surname_at(x, k, &u);
		if (p >= 0) {
			s->person = p;
			s->sa = k, s->sb = k + u;
			return 1;
		}
		if (x->org_of[k] >= 0) {
			const fx_org *o = &x->orgs[x->org_of[k]];
			if ((x->agency && !strcmp(o->canonical, x->agency)) ||
			    !strncmp(o->canonical, "خبرگزاری", strlen("خبرگزاری")))
				s->skip = 1;
			s->name = strdup(o->canonical);
			s->sa = o->a, s->sb = o->b;
			if (!s->name)
				x->failed = 1;
			return 1;
		}
		if (fx_is(x, k, FK(F_ROLE)) || fx_at(x, k, FK(F_ROLE), &u)) {
			int re = fx_role_end(x, k);
			int q = surname_at(x, re, &u);
			if (q < 0)
				q = person_of_role(x, k, re);
			if (q >= 0) {
				s->person = q;
				s->sa = k, s->sb = re;
				return 1;
			}
			s->name = fx_text(x, k, re);
			s->role = fx_text(x, k, re);
			s->sa = k, s->sb = re;
			return s->name != NULL;
		}
		if (fx_is(x, k, FK(F_GROUP))) { /* «کارشناسان معتقدند», «برخی
			                         * می‌گویند»
			                         */
			s->name = fx_text(x, k, k + 1);
			s->sa = k, s->sb = k + 1;
			return s->name != NULL;
		}
		if (k > a && x->t[k - 1].num)
			continue; /* «۳۱ مردادماه وزیر نیرو»: a date, not a name */
		if (x->tags && x->tags[k] == T_B_PER) {
			/* a name the tagger found: «جان کری گفت», «اژه‌ای
			 * سخنگوی قوه قضاییه»
			 */
			int m = k + 1, sur = k;
			while (m < x->nt && x->tags[m] == T_I_PER)
				m++;
			while (sur < m - 1 && fx_is(x, sur, FK(F_FIRST)))
				sur++;
			int ra = -1, rb = -1;
			if (fx_is(x, m, FK(F_ROLE)))
				ra = m, rb = fx_role_end(x, m);
			s->person = fx_person(x, k, sur, m, ra, rb);
			s->sa = k, s->sb = m;
			return s->person >= 0;
		}
		if (fx_content(x, k) && !fx_is(x, k, FK(F_HONORIFIC))) {
			/* a name without a first name: «زارع پور وزیر ...», «هادیان فر افزود»,
			 * «میرزاده با تسلیت ... گفت»; with a tagger, a role must follow (else
			 * the tagger would have found the name) */
			int m = k;
			while (m < b && m - k < 3 && fx_content(x, m) && !fx_is(x, m, FK(F_ROLE)) &&
			       !fx_is(x, m, FK(F_ORG_HEAD)) && x->org_of[m] < 0)
				m++;
			int role = fx_is(x, m, FK(F_ROLE));
			int adverb = m < b && m - k <= 2 && fx_is(x, m, FK(F_ADVERB));
			if (m > k && (role || ((m == b || adverb) && head && !x->tags))) {
				int ra = role ? m : -1, rb = role ? fx_role_end(x, m) : -1;
				s->person = fx_person(x, k, k, m, ra, rb);
				s->sa = k, s->sb = m;
				return s->person >= 0;
			}
			return 0; /* the region starts with something else: no speaker */
		}
		if ((fx_word(x, k, "این") || fx_word(x, k, "همین")) && k + 1 < b &&
		    (fx_is(x, k + 1, FK(F_ROLE)) || fx_at(x, k + 1, FK(F_ROLE), &u)))
			continue; /* «این کارشناس سیاست خارجی»: the office named before */
		if (!fx_is(x, k, FK(F_HONORIFIC)))
			return 0; /* a stop word first: the subject is not at the head */
	}
	return 0;
}

/* The speaker of tokens [a, b): at the region's head, or after one of its commas
 * («به گزارش ...، حسن هانی زاده کارشناس ... گفت»). */
static int resolve(fx *x, int a, int b, speaker *s)
{
	/* a headline glued to the next sentence with no stop between: «ترامپ تجربه سیاسی
	 * ندارد وی افزود»: a pronoun or «این» + office right after a verb starts the
	 * speaker's own clause */
	int u;
	for (int k = b - 1; k > a; k--)
		if (fx_is(x, k - 1, FK(F_LIGHT_VERB)) &&
		    (fx_is(x, k, FK(F_PRONOUN)) ||
		     ((fx_word(x, k, "این") || fx_word(x, k, "همین")) && k + 1 < b &&
		      (fx_is(x, k + 1, FK(F_ROLE)) || fx_at(x, k + 1, FK(F_ROLE), &u)))) &&
		    resolve_at(x, k, b, s, 1))
			return 1;
	if (resolve_at(x, a, b, s, 1))
		return 1;
	for (int k = a; k < b && !x->failed; k++)
		if ((x->t[k].punct == ',' || x->t[k].punct == ';') && resolve_at(x, k + 1, b, s, 0))
			return 1;
	/* «... در همین رابطه سالار گفت», «... با تحریم ظالمانه رئیس اتاق بازرگانی ایران گفت
	 * که»: a surname, an office or a tagged name right before the verb is its subject */
	int at = -1;
	for (int k = b - 1; k >= a && b - k <= 12 && !x->failed; k--) {
		if (x->t[k].punct == ',' || x->t[k].punct == ';' || x->t[k].punct == ':')
			break;
		if (at < 0 && surname_at(x, k, &u) >= 0 && k + u == b)
			at = k;
		else if (at < 0 && x->tags && x->tags[k] == T_B_PER) {
			int m = k + 1;
			while (m < b && x->tags[m] == T_I_PER)
				m++;
			if (m == b)
				at = k;
		}
		if ((fx_is(x, k, FK(F_ROLE)) || fx_at(x, k, FK(F_ROLE), &u)) &&
		    fx_role_end(x, k) == b)
			at = k; /* the office's first word: «معاون رئیس جمهور», not «رئیس جمهور» */
	}
	/* not the object of a preposition: «در گفت‌وگو با خبرنگار ... گفت»
	 */
	static const char *const prep[] = {"با", "به", "از", "برای", "در", "بر", "تا", NULL};
	for (int q = 0; at > a && prep[q]; q++)
		if (fx_word(x, at - 1, prep[q]))
			at = -1;
	if (at >= 0 && resolve_at(x, at, b, s, 0))
		return 1;
	/* «افزود: ...», «...، گفت: ...» with no subject of its own: the person speaking
	 * just before, when the last statement is near */
	int p = recent_person(x, b);
	if (p >= 0 && x->last_person == p && x->last_person_tok >= 0 &&
	    x->sent[b] - x->sent[x->last_person_tok] <= 200) {
		memset(s, 0, sizeof *s);
		s->person = p;
		s->sa = -1;
		return 1;
	}
	return 0;
}

/* Adds the statement of content tokens [ca, cb) (trimmed of colon, quotes and «که»). */
static void add(fx *x, speaker *s, int cue_a, int cue_b, int ca, int cb)
{
	while (ca < cb &&
	       (x->t[ca].punct == ':' || x->t[ca].punct == '<' || x->t[ca].punct == '"' ||
	        x->t[ca].punct == ';' || x->t[ca].punct == ',' || fx_word(x, ca, "که")))
		ca++;
	while (cb > ca && (x->t[cb - 1].punct == '.' || x->t[cb - 1].punct == '>' ||
	                   x->t[cb - 1].punct == '"' || x->t[cb - 1].punct == ','))
		cb--;
	kh_facts *o = x->out;
	/* «رئیس پلیس فتا اظهار کرد» after «کمال هادیان فر» spoke: an office named after a
	 * person who had none is that person */
	if (s->person < 0 && s->role && x->last_person >= 0 && !o->people[x->last_person].role &&
	    cb - ca >= 2 && !s->skip) {
		o->people[x->last_person].role = s->role;
		s->role = NULL;
		free(s->name);
		s->name = NULL;
		s->person = x->last_person;
	}
	if (cb - ca < 2 || s->skip || (s->person < 0 && !s->name)) {
		free(s->name);
		free(s->role);
		return;
	}
	if (!fx_push(x, (void **)&o->statements, o->nstatements, sizeof *o->statements))
		return;
	kh_statement *st = &o->statements[o->nstatements];
	memset(st, 0, sizeof *st);
	st->person = s->person;
	if (s->person >= 0) {
		const kh_person *p = &o->people[s->person];
		st->speaker = p->name ? strdup(p->name) : NULL;
		st->role = p->role ? strdup(p->role) : NULL;
		free(s->name);
		free(s->role);
		x->last_person = s->person;
		x->last_person_tok = cue_a;
	} else {
		st->speaker = s->name;
		st->role = s->role;
	}
	st->cue = fx_text(x, cue_a, cue_b);
	st->start = x->t[ca].s;
	st->end = x->t[cb - 1].e;
	if (s->sa >= 0) {
		st->has_speaker_span = 1;
		st->speaker_start = x->t[s->sa].s;
		st->speaker_end = x->t[s->sb - 1].e;
	}
	if (!st->speaker || !st->cue) {
		x->failed = 1;
		return;
	}
	o->nstatements++;
}

/* «وی از دستگیری ۴۰ هزار نفر خبر داد», «عضو کمیسیون بر لزوم ... تأکید کرد»: the speaker
 * at the head of [a, b), then «از» or «بر», then what was said up to the verb at k.
 * Returns 1 when it added the statement. */
static int object_cue(fx *x, int a, int b, int k, int after)
{
	speaker sp;
	if (!resolve(x, a, b, &sp))
		return 0;
	int p = sp.sa >= 0 ? sp.sb : -1;
	if (p >= 0 && x->t[p].punct == ',')
		p++;
	if (p >= 0 && fx_role_end(x, p) > p)
		p = fx_role_end(x, p); /* «علی احمدی عضو کمیسیون بهداشت بر ...» */
	while (p >= 0 && p < k &&
	       (fx_word(x, p, "نیز") || fx_word(x, p, "هم") || fx_word(x, p, "همچنین") ||
	        x->t[p].punct == ','))
		p++;
	if (p >= 0 && p + 2 < k && (fx_word(x, p, "از") || fx_word(x, p, "بر"))) {
		add(x, &sp, k, after, p + 1, k);
		return 1;
	}
	free(sp.name);
	free(sp.role);
	return 0;
}

/* The statements of the sentence of tokens [s, e). */
static void sentence(fx *x, int s, int e)
{
	int clause = s, ra = -1, rb = -1; /* a clause cue's speaker region, for the main verb */
	int u;
	for (int k = s; k < e && !x->failed; k++) {
		const kh_lex_entry *c;
		speaker sp;
		if ((c = fx_at(x, k, FK(F_CUE_BEFORE), &u)) != NULL) {
			int comma = k + u;
			while (comma < e && comma - k < 14 && x->t[comma].punct != ',')
				comma++;
			if (comma < e && x->t[comma].punct == ',') {
				if (resolve(x, k + u, comma, &sp))
					/* «به گفته بهرامی عمده اختلاف ...، ...»: the content starts
					 * after the name when more than the speaker comes before
					 * the comma */
					add(x, &sp, k, k + u,
					    sp.sa == k + u && sp.sb < comma - 2 ? sp.sb : comma + 1,
					    e);
			} else if (resolve(x, k + u, k + u + 6 < e ? k + u + 6 : e, &sp)) {
				if (sp.sa == k + u) /* «به گفته بهرامی عمده اختلاف ...»: no comma */
					add(x, &sp, k, k + u, sp.sb, e);
				else
					free(sp.name), free(sp.role);
			}
			k += u - 1;
			continue;
		}
		if ((c = fx_at(x, k, FK(F_CUE_CLAUSE), &u)) != NULL) {
			/* the content runs to the comma before the main verb */
			int cu = u, v = k + u, lastc = -1;
			while (v < e && !fx_at(x, v, FK(F_CUE_VERB), &u)) {
				if (x->t[v].punct == ',')
					lastc = v;
				v++;
			}
			/* no comma: «وی با بیان اینکه A تأکید کرد: B»: A stops at the main verb */
			int end = v < e ? (lastc > k ? lastc : v) : e;
			if (resolve(x, clause, k, &sp))
				add(x, &sp, k, k + cu, k + cu, end);
			ra = clause, rb = k;
			k = end == v ? v - 1 : end;
			continue;
		}
		if ((c = fx_at(x, k, FK(F_CUE_VERB), &u)) != NULL) {
			int after = k + u;
			if (fx_word(x, after, "و"))
				continue; /* «گفت و گو» */
			/* a colon, a quote or «که» after the verb, or a cue that holds «که» («گفت
			 * که») */
			int colon = after < e &&
			            (x->t[after].punct == ':' || x->t[after].punct == '<' ||
			             fx_word(x, after, "که") || fx_word(x, after - 1, "که"));
			int a0 = ra >= 0 ? ra : clause, b0 = ra >= 0 ? rb : k;
			if (colon ||
			    (after < e - 1 && c->value == 2 && !fx_word(x, after, "است"))) {
				if (resolve(x, a0, b0, &sp))
					add(x, &sp, k, after, after, e);
				clause = after;
				ra = rb = -1;
				k = after - 1;
				continue;
			}
			if (c->value ==
			    3) { /* «X این اقدام را غیرقانونی دانست»: X, then the content */
				if (resolve(x, a0, b0, &sp)) {
					if (sp.sa >= 0 && sp.sb > sp.sa && sp.sb < k)
						add(x, &sp, k, after, sp.sb, k);
					else
						free(sp.name), free(sp.role);
				}
			} else if (c->value == 2 && object_cue(x, a0, b0, k, after)) {
				/* «وی از دستگیری ۴۰ نفر خبر داد», «X بر لزوم ... تأکید کرد» */
			} else if (c->value == 2 && after >= e - 1) { /* «A، X گفت.» */
				int comma = k - 1;
				while (comma > clause && x->t[comma].punct != ',')
					comma--;
				if (comma > clause && resolve(x, comma + 1, k, &sp))
					add(x, &sp, k, after, clause, comma);
			}
			k = after - 1;
		}
	}
}

/* «رئیس موسسه ... تصریح کرد: ...» and, soon after, «سید حسن کاظمی ...»: a statement by an
 * unnamed office, then the first person named after it with no role of their own, are one
 * person (the lead's habit of naming the office first). */
static void link_roles(fx *x)
{
	kh_facts *o = x->out;
	for (size_t i = 0; i < o->nstatements && !x->failed; i++) {
		kh_statement *st = &o->statements[i];
		if (st->person >= 0 || !st->role)
			continue;
		int best = -1;
		size_t at = SIZE_MAX;
		for (size_t p = 0; p < o->npeople; p++) {
			const kh_person *pp = &o->people[p];
			if (pp->nmentions && pp->mentions[0].start > st->end &&
			    pp->mentions[0].start < st->end + 600 && pp->mentions[0].start < at)
				at = pp->mentions[0].start, best = (int)p;
		}
		if (best < 0 || o->people[best].role)
			continue;
		kh_person *pp = &o->people[best];
		char *name = strdup(pp->name);
		if (!name) {
			x->failed = 1;
			return;
		}
		pp->role = st->role; /* the person takes the office's phrase */
		st->role = strdup(pp->role);
		free(st->speaker);
		st->speaker = name;
		st->person = best;
		if (!st->role)
			x->failed = 1;
		/* later statements of the same office are the same person */
		for (size_t j = i + 1; j < o->nstatements && !x->failed; j++) {
			kh_statement *sj = &o->statements[j];
			if (sj->person < 0 && sj->role && !strcmp(sj->role, pp->role)) {
				char *n2 = strdup(pp->name);
				if (!n2) {
					x->failed = 1;
					return;
				}
				free(sj->speaker);
				sj->speaker = n2;
				sj->person = best;
			}
		}
	}
}

/* The folded words of a role phrase, punctuation left out (at most `cap`). */
static int role_words(const char *role, char (*w)[MAXW], int cap)
{
	int nt = 0, n = 0;
	kh_word *t = kh_words(role, strlen(role), &nt);
	if (!t)
		return -1;
	for (int i = 0; i < nt && n < cap; i++)
		if (!t[i].punct && t[i].flen)
			memcpy(w[n++], t[i].f, t[i].flen + 1);
	free(t);
	return n;
}

enum { ROLE_WORDS = 24 };
typedef char role_words_t[ROLE_WORDS][MAXW];

/* Two role phrases, as their words, name the same office: the same head noun, and the
 * shorter one's words in order inside the longer («کارشناس سیاست خارجی» in «کارشناس
 * مسائل سیاست خارجی»). */
static int same_office(const role_words_t wa, int na, const role_words_t wb, int nb)
{
	if (na < 2 || nb < 2 || strcmp(wa[0], wb[0]))
		return 0;
	const char(*sh)[MAXW] = na <= nb ? wa : wb, (*lo)[MAXW] = na <= nb ? wb : wa;
	int ns = na <= nb ? na : nb, nl = na <= nb ? nb : na, j = 0;
	for (int i = 0; i < nl && j < ns; i++)
		if (!strcmp(lo[i], sh[j]))
			j++;
	return j == ns;
}

/* A statement by an office («وزیر بهداشت گفت») whose holder the article names somewhere
 * with that office is that person; nothing when two people hold matching offices. The
 * people's roles are cut into words once. */
static void link_offices(fx *x)
{
	kh_facts *o = x->out;
	role_words_t *pw = o->npeople ? malloc(o->npeople * sizeof *pw) : NULL;
	int *pn = o->npeople ? malloc(o->npeople * sizeof *pn) : NULL;
	if (o->npeople && (!pw || !pn)) {
		x->failed = 1;
		goto done;
	}
	for (size_t p = 0; p < o->npeople; p++) {
		pn[p] = o->people[p].role && o->people[p].name
		                ? role_words(o->people[p].role, pw[p], ROLE_WORDS)
		                : 0;
		if (pn[p] < 0) {
			x->failed = 1;
			goto done;
		}
	}
	for (size_t i = 0; i < o->nstatements && !x->failed; i++) {
		kh_statement *st = &o->statements[i];
		if (st->person >= 0 || !st->role)
			continue;
		role_words_t sw;
		int ns = role_words(st->role, sw, ROLE_WORDS), best = -1, n = 0;
		if (ns < 0) {
			x->failed = 1;
			break;
		}
		for (size_t p = 0; p < o->npeople; p++)
			if (same_office(sw, ns, pw[p], pn[p]))
				best = (int)p, n++;
		if (n != 1)
			continue;
		char *name = strdup(o->people[best].name);
		if (!name) {
			x->failed = 1;
			break;
		}
		free(st->speaker);
		st->speaker = name;
		st->person = best;
	}
done:
	free(pw);
	free(pn);
}

void fx_find_statements(fx *x)
{
	x->last_person = x->last_person_tok = -1;
	for (int s = 0; s < x->nt && !x->failed;) {
		int e = s + 1;
		while (e < x->nt && x->sent[e] == s)
			e++;
		sentence(x, s, e);
		s = e;
	}
	if (!x->failed)
		link_roles(x);
	if (!x->failed)
		link_offices(x);
}
