/* facts.c — kh_find_facts(): the order of the passes (organizations, people, mentions,
 * the tagger, statements, mentions again, percentage subjects, entities, money). */
#include <stdlib.h>
#include <string.h>

#include "facts/factsint.h"

static int by_start(const void *a, const void *b)
{
	const kh_entity *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

int fx_open(fx *x, const char *text, size_t len, const char *agency, kh_facts *out, int tagging)
{
	memset(out, 0, sizeof *out);
	memset(x, 0, sizeof *x);
	x->text = text;
	x->len = len;
	x->lx = fx_lexicon();
	x->out = out;
	x->agency = agency;
	x->t = kh_words(text, len, &x->nt);
	x->sent = malloc(((size_t)x->nt + 1) * sizeof *x->sent);
	x->org_of = malloc(((size_t)x->nt + 1) * sizeof *x->org_of);
	x->kinds = malloc(((size_t)x->nt + 1) * sizeof *x->kinds);
	if (!x->t || !x->sent || !x->org_of || !x->kinds)
		x->failed = 1;
	for (int i = 0; !x->failed && i < x->nt; i++) {
		const kh_word *t = x->t;
		int starts = i == 0 || t[i].nl ||
		             ((t[i - 1].punct == '.' || t[i - 1].punct == '!' ||
		               t[i - 1].punct == '?') &&
		              !(t[i - 1].punct == '.' && i >= 2 && t[i - 2].num && t[i].num));
		x->sent[i] = starts ? i : x->sent[i - 1];
		x->org_of[i] = -1;
		x->kinds[i] = kh_lex_kinds1(x->lx, &t[i]);
	}
	if (!x->failed)
		fx_find_orgs(x);
	if (!x->failed)
		fx_find_people(x);
	if (!x->failed)
		fx_find_mentions(x);
	if (!tagging)
		return x->failed ? -1 : 0; /* the tagger's trainer stops here */
	if (!x->failed)
		fx_tag(x);
	if (!x->failed)
		fx_find_statements(x);
	if (!x->failed)
		fx_find_mentions(x);
	return x->failed ? -1 : 0;
}

void fx_close(fx *x)
{
	for (size_t i = 0; i < x->norgs; i++)
		free(x->orgs[i].canonical);
	free(x->orgs);
	free(x->names);
	free(x->t);
	free(x->sent);
	free(x->org_of);
	free(x->kinds);
	free(x->tags);
	x->kinds = NULL;
	x->tags = NULL;
	x->orgs = NULL;
	x->names = NULL;
	x->t = NULL;
	x->sent = x->org_of = NULL;
}

kh_status kh_find_facts(const char *text, size_t len, const char *agency, kh_percentage *pcts,
                        size_t npcts, kh_facts *out, kh_error *err)
{
	fx x;
	fx_open(&x, text, len, agency, out, 1);
	if (!x.failed)
		fx_find_subjects(&x, pcts, npcts);
	if (!x.failed)
		fx_entities(&x);
	if (!x.failed)
		fx_find_money(&x);
	if (out->nentities > 1)
		qsort(out->entities, out->nentities, sizeof *out->entities, by_start);
	fx_close(&x);
	if (x.failed) {
		kh_facts_free(out);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory finding facts");
	}
	return KH_OK;
}

void kh_facts_free(kh_facts *f)
{
	for (size_t i = 0; i < f->nentities; i++)
		free(f->entities[i].canonical);
	for (size_t i = 0; i < f->npeople; i++) {
		free(f->people[i].name);
		free(f->people[i].role);
		free(f->people[i].organization);
		free(f->people[i].mentions);
	}
	for (size_t i = 0; i < f->nstatements; i++) {
		free(f->statements[i].speaker);
		free(f->statements[i].role);
		free(f->statements[i].cue);
	}
	free(f->entities);
	free(f->people);
	free(f->statements);
	memset(f, 0, sizeof *f);
}
