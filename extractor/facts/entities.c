/* entities.c — the entities of a text: the tagger's tags turned into ORG, PER and LOC
 * spans (names the rules found kept where the tagger missed them, and multi-word names
 * spread through the document), or the rules' own findings when no model is compiled in. */
#include <stdlib.h>
#include <string.h>

#include "facts/tagger.h"

/* The canonical name of an ORG span: the gazetteer's, else the span normalized. */
static char *org_canonical(fx *x, int a, int b)
{
	int u;
	const kh_lex_entry *g = fx_at(x, a, FK(F_ORG), &u);
	if (g && u == b - a)
		return strdup(g->extra);
	if (x->org_of[a] >= 0 && x->orgs[x->org_of[a]].a == a && x->orgs[x->org_of[a]].b == b)
		return strdup(x->orgs[x->org_of[a]].canonical);
	return fx_canonical(x, a, b);
}

/* A PER span's canonical name: the full name of the person it mentions, else the span. */
static char *person_name(fx *x, int a, int b)
{
	size_t s = x->t[a].s, e = x->t[b - 1].e;
	for (size_t p = 0; p < x->out->npeople; p++) {
		const kh_person *pp = &x->out->people[p];
		for (size_t m = 0; m < pp->nmentions; m++)
			if (pp->mentions[m].start < e && s < pp->mentions[m].end && pp->name)
				return strdup(pp->name);
	}
	return fx_text(x, a, b);
}

/* The rules' organizations are complete names (a head noun and all of its complement, or
 * a gazetteer entry): one replaces the tagger's ORG spans it overlaps, and stands alone
 * where the tagger found none. */
static void merge_rules(fx *x)
{
	kh_facts *o = x->out;
	for (size_t r = 0; r < x->norgs && !x->failed; r++) {
		const fx_org *g = &x->orgs[r];
		size_t s = x->t[g->a].s, e = x->t[g->b - 1].e;
		int next = g->b; /* what follows the rule's name: is its end sure? */
		int edge = next >= x->nt || x->t[next].num || x->t[next].punct || x->t[next].nl ||
		           x->org_of[next] >= 0 || fx_is(x, next, FK(F_ORG_HEAD));
		int figure = next < x->nt && x->t[next].num; /* «مرکز توسعه تجارت ۴۰ درصد» */
		if (!edge)
			continue;
		int overlap = 0;
		for (size_t i = 0; i < o->nentities && !overlap; i++) {
			kh_entity *en = &o->entities[i];
			if (!(en->start < e && s < en->end))
				continue;
			overlap = 1;
			/* «سازمان زمین شناسی» inside «سازمان زمین شناسی و اکتشافات معدنی ۸۰ درصد»:
			 * the tagger's ORG cut short inside the rule's name */
			if (en->type == KH_ENT_ORG && en->start >= s && en->end <= e) {
				char *c = strdup(g->canonical);
				if (!c) {
					x->failed = 1;
					return;
				}
				free(en->canonical);
				*en = (kh_entity){KH_ENT_ORG, s, e, c};
			}
		}
		if (overlap || !figure || !fx_at(x, g->a, FK(F_ORG_HEAD), &(int){0}))
			continue;
		/* a head noun's name before a figure, that the tagger missed */
		char *c = strdup(g->canonical);
		if (!c || !fx_push(x, (void **)&o->entities, o->nentities, sizeof *o->entities)) {
			free(c);
			x->failed = 1;
			return;
		}
		o->entities[o->nentities++] = (kh_entity){KH_ENT_ORG, s, e, c};
	}
}

/* One name, one person in a document: a word sequence the tagger tagged PER somewhere is
 * tagged PER where it stands untagged («دونالد ترامپ ... ترامپ»), the longest first. */
static void spread(const fx *x, int *tags)
{
	enum { MAXSEQ = 4 };
	typedef struct seq {
		int a, len, type;
	} seq;
	seq *v = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < x->nt;) {
		int b = tags[i];
		if (b != T_B_PER && b != T_B_ORG) { /* places: spreading them costs more */
			i++;
			continue;
		}
		int j = i + 1;
		while (j < x->nt && tags[j] == b + 1)
			j++;
		if (b == T_B_ORG && j - i < 2) { /* «دولت», «مجلس»: not always one */
			i = j;
			continue;
		}
		seq *g = j - i <= MAXSEQ ? kh_grow(v, &cap, n, sizeof *v) : NULL;
		if (g) {
			v = g;
			v[n++] = (seq){i, j - i, b};
		}
		i = j;
	}
	if (!n || n > 2000) { /* a page of lists: left as tagged */
		free(v);
		return;
	}
	for (int i = 0; i < x->nt; i++) {
		if (tags[i] != T_O || !fx_content(x, i) || x->t[i].flen < 4)
			continue;
		int best = -1, blen = 0;
		for (size_t q = 0; q < n; q++) {
			int len = v[q].len, ok = len > blen && i + len <= x->nt;
			for (int k = 0; ok && k < len; k++)
				ok = tags[i + k] == T_O &&
				     x->t[i + k].flen == x->t[v[q].a + k].flen &&
				     !memcmp(x->t[i + k].f, x->t[v[q].a + k].f, x->t[i + k].flen);
			if (ok)
				best = (int)q, blen = len;
		}
		if (best < 0)
			continue;
		for (int k = 0; k < blen; k++)
			tags[i + k] = k ? v[best].type + 1 : v[best].type;
		i += blen - 1;
	}
	free(v);
}

void fx_tag(fx *x)
{
	int *tags = malloc(((size_t)x->nt + 1) * sizeof *tags);
	if (!tags || kh_ner_tag(x, tags)) {
		free(tags);
		return; /* no model (or memory): the rules alone */
	}
	spread(x, tags);
	x->tags = tags;
}

void fx_entities(fx *x)
{
	int *tags = x->tags;
	if (!tags) {
		fx_rule_entities(x); /* no model: the rules' organizations and people */
		return;
	}
	kh_facts *o = x->out;
	for (int i = 0; i < x->nt && !x->failed;) {
		int type = tags[i] == T_B_ORG   ? KH_ENT_ORG
		           : tags[i] == T_B_PER ? KH_ENT_PER
		           : tags[i] == T_B_LOC ? KH_ENT_LOC
		                                : -1;
		if (type < 0) {
			i++;
			continue;
		}
		int j = i + 1;
		while (j < x->nt && tags[j] == tags[i] + 1)
			j++;
		char *c = type == KH_ENT_ORG   ? org_canonical(x, i, j)
		          : type == KH_ENT_PER ? person_name(x, i, j)
		                               : fx_canonical(x, i, j);
		if (!c || !fx_push(x, (void **)&o->entities, o->nentities, sizeof *o->entities)) {
			free(c);
			x->failed = 1;
			break;
		}
		o->entities[o->nentities++] =
		        (kh_entity){(kh_entity_type)type, x->t[i].s, x->t[j - 1].e, c};
		i = j;
	}
	merge_rules(x);
}

/* The organizations found by rules, as entities (the tagger, when it has a model,
 * replaces them: tagger.c). */
void fx_rule_entities(fx *x)
{
	kh_facts *out = x->out;
	for (size_t i = 0; i < x->norgs && !x->failed; i++) {
		if (!fx_push(x, (void **)&out->entities, out->nentities, sizeof *out->entities))
			break;
		const fx_org *o = &x->orgs[i];
		out->entities[out->nentities++] =
		        (kh_entity){KH_ENT_ORG, x->t[o->a].s, x->t[o->b - 1].e, o->canonical};
		x->orgs[i].canonical = NULL; /* the entity owns it now */
	}
	fx_person_entities(x);
}
