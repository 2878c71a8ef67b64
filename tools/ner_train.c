/* ner_train.c — trains the ORG/PER/LOC tagger (extractor/facts/tagger.h) on a corpus of
 * DOC.txt files and a gold.jsonl of their entities ({"doc", "entities": [{"type",
 * "start", "end"}]}, UTF-8 byte offsets): averaged perceptron, weights hashed,
 * quantized to int8; greedy updates, or with --beam N the beam search the tagger decodes
 * with (updates where the gold tags fall out of the beam).
 *   ner_train [--epochs N] [--beam N] [--folds K --fold I] CORPUS_DIR OUT.bin
 * With --fold, the documents whose index in gold.jsonl is I modulo K are left out of
 * training and their names printed, one a line, for a held-out evaluation. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/tagger.h"

typedef struct doc {
	int nt;
	uint32_t *stat; /* nt * KH_NER_STATIC */
	unsigned char *gold;
} doc;

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = len >= 0 ? malloc((size_t)len + 1) : NULL;
	if (s && fread(s, 1, (size_t)len, f) != (size_t)len) {
		free(s);
		s = NULL;
	}
	fclose(f);
	if (s)
		s[len] = '\0', *n = (size_t)len;
	return s;
}

static int type_base(const char *t)
{
	return !strcmp(t, "ORG")   ? T_B_ORG
	       : !strcmp(t, "PER") ? T_B_PER
	       : !strcmp(t, "LOC") ? T_B_LOC
	                           : -1;
}

/* Reads one document: its static features and gold tags. */
static int load_doc(const char *dir, const char *name, json_t *ents, doc *d)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s.txt", dir, name);
	size_t len;
	char *text = slurp(path, &len);
	if (!text)
		return -1;
	fx x;
	kh_facts facts;
	if (fx_open(&x, text, len, NULL, &facts, 0)) {
		fx_close(&x);
		kh_facts_free(&facts);
		free(text);
		return -1;
	}
	d->nt = x.nt;
	d->stat = kh_ner_static(&x);
	d->gold = calloc((size_t)x.nt + 1, 1);
	size_t i;
	json_t *e;
	json_array_foreach(ents, i, e)
	{
		int base = type_base(json_string_value(json_object_get(e, "type")) ?: "");
		if (base < 0)
			continue;
		size_t s = (size_t)json_integer_value(json_object_get(e, "start"));
		size_t en = (size_t)json_integer_value(json_object_get(e, "end"));
		int first = 1;
		for (int k = 0; k < x.nt; k++)
			if (x.t[k].s >= s && x.t[k].e <= en) {
				d->gold[k] = (unsigned char)(first ? base : base + 1);
				first = 0;
			}
	}
	fx_close(&x);
	kh_facts_free(&facts);
	free(text);
	return d->stat && d->gold ? 0 : -1;
}

static float *w, *u; /* weights, and their sums over time for the average */
static long step = 1;

static void update(const uint32_t *f, const uint32_t *dyn, int c, float v)
{
	for (int k = 0; k < KH_NER_STATIC + KH_NER_DYNAMIC; k++) {
		uint32_t h =
		        (k < KH_NER_STATIC ? f[k] : dyn[k - KH_NER_STATIC]) & (KH_NER_SIZE - 1);
		w[(size_t)h * KH_NER_CLASSES + c] += v;
		u[(size_t)h * KH_NER_CLASSES + c] += (float)step * v;
	}
}

static int predict(const uint32_t *f, const uint32_t *dyn, int prev)
{
	float score[KH_NER_CLASSES] = {0};
	for (int k = 0; k < KH_NER_STATIC + KH_NER_DYNAMIC; k++) {
		uint32_t h =
		        (k < KH_NER_STATIC ? f[k] : dyn[k - KH_NER_STATIC]) & (KH_NER_SIZE - 1);
		for (int c = 0; c < KH_NER_CLASSES; c++)
			score[c] += w[(size_t)h * KH_NER_CLASSES + c];
	}
	int best = T_O;
	for (int c = 1; c < KH_NER_CLASSES; c++)
		if (kh_ner_allowed(prev, c) && score[c] > score[best])
			best = c;
	return best;
}

/* Beam training (LaSO-style): decode the document with a beam of `beam`, as
 * kh_ner_tag does; when the gold tags fall out of the beam, the gold span since the
 * last such point is pushed up, the best hypothesis's pushed down, and decoding goes
 * on from the gold tags. Returns the updates made. */
static long train_beam(const doc *d, int beam)
{
	enum { B = KH_NER_MAX_BEAM };
	if (beam > B)
		beam = B;
	kh_ner_hyp *kept = malloc(((size_t)d->nt + 1) * B * sizeof *kept);
	int *gold = malloc(((size_t)d->nt + 1) * sizeof *gold);
	int *seq = malloc(((size_t)d->nt + 1) * sizeof *seq);
	if (!kept || !gold || !seq) {
		free(kept), free(gold), free(seq);
		return 0;
	}
	for (int i = 0, prev = T_O; i < d->nt; i++) {
		int g = d->gold[i];
		if (!kh_ner_allowed(prev, g))
			g = g - 1; /* an I after a mistake in the corpus: a B */
		gold[i] = g, prev = g;
	}
	long updates = 0;
	kh_ner_hyp cur[B] = {{0, T_O, T_O, -1, 1}};
	int nb = 1, sync = 0;
	for (int i = 0; i < d->nt; i++, step++) {
		const uint32_t *f = d->stat + (size_t)i * KH_NER_STATIC;
		float base[KH_NER_CLASSES] = {0};
		for (int k = 0; k < KH_NER_STATIC; k++)
			for (int c = 0; c < KH_NER_CLASSES; c++)
				base[c] +=
				        w[(size_t)(f[k] & (KH_NER_SIZE - 1)) * KH_NER_CLASSES + c];
		double scores[B * KH_NER_CLASSES];
		for (int h = 0; h < nb; h++) {
			uint32_t dyn[KH_NER_DYNAMIC];
			kh_ner_dynamic(f, cur[h].prev, cur[h].prev2, dyn);
			float sc[KH_NER_CLASSES];
			memcpy(sc, base, sizeof sc);
			for (int k = 0; k < KH_NER_DYNAMIC; k++)
				for (int c = 0; c < KH_NER_CLASSES; c++)
					sc[c] += w[(size_t)(dyn[k] & (KH_NER_SIZE - 1)) *
					                   KH_NER_CLASSES +
					           c];
			for (int c = 0; c < KH_NER_CLASSES; c++)
				scores[h * KH_NER_CLASSES + c] = sc[c];
		}
		nb = kh_ner_beam_step(cur, nb, scores, gold[i], beam, cur);
		memcpy(kept + (size_t)i * B, cur, (size_t)nb * sizeof *cur);
		/* is the gold history still in the beam? */
		int in = -1;
		for (int h = 0; h < nb && in < 0; h++)
			if (cur[h].gold)
				in = h;
		if (in >= 0 && i + 1 < d->nt)
			continue;
		if (in == 0)
			break;                      /* the end, and the best is gold */
		kh_ner_path(kept, B, sync, i, seq); /* the best's tags since the sync point */
		int gp = sync > 0 ? gold[sync - 1] : T_O, gp2 = sync > 1 ? gold[sync - 2] : T_O;
		int sp = gp, sp2 = gp2;
		for (int t = sync; t <= i; t++) {
			const uint32_t *ft = d->stat + (size_t)t * KH_NER_STATIC;
			uint32_t dg[KH_NER_DYNAMIC], ds[KH_NER_DYNAMIC];
			kh_ner_dynamic(ft, gp, gp2, dg);
			kh_ner_dynamic(ft, sp, sp2, ds);
			if (gold[t] != seq[t] || gp != sp || gp2 != sp2) {
				update(ft, dg, gold[t], 1.0f);
				update(ft, ds, seq[t], -1.0f);
			}
			gp2 = gp, gp = gold[t], sp2 = sp, sp = seq[t];
		}
		updates++;
		/* on from the gold tags */
		cur[0] = (kh_ner_hyp){0, gold[i], i > 0 ? gold[i - 1] : T_O, -1, 1};
		nb = 1;
		sync = i + 1;
	}
	free(kept), free(gold), free(seq);
	return updates;
}

int main(int argc, char **argv)
{
	int epochs = 8, folds = 0, fold = -1, a = 1, beam = 0;
	for (; a < argc && argv[a][0] == '-'; a++) {
		if (!strcmp(argv[a], "--epochs") && a + 1 < argc)
			epochs = atoi(argv[++a]);
		else if (!strcmp(argv[a], "--folds") && a + 1 < argc)
			folds = atoi(argv[++a]);
		else if (!strcmp(argv[a], "--fold") && a + 1 < argc)
			fold = atoi(argv[++a]);
		else if (!strcmp(argv[a], "--beam") && a + 1 < argc)
			beam = atoi(argv[++a]);
		else {
			fprintf(stderr,
			        "usage: ner_train [--epochs N] [--beam N] [--folds K --fold I] "
			        "CORPUS_DIR OUT.bin\n");
			return 2;
		}
	}
	if (argc - a != 2 || (fold >= 0) != (folds > 0) || epochs < 1) {
		fprintf(stderr,
		        "usage: ner_train [--epochs N] [--beam N] [--folds K --fold I] CORPUS_DIR "
		        "OUT.bin\n");
		return 2;
	}
	const char *dir = argv[a], *out = argv[a + 1];
	char path[4096];
	snprintf(path, sizeof path, "%s/gold.jsonl", dir);
	FILE *g = fopen(path, "r");
	if (!g) {
		fprintf(stderr, "ner_train: cannot read %s\n", path);
		return 1;
	}
	doc *docs = NULL;
	size_t nd = 0, cap = 0, idx = 0;
	char *line = NULL;
	size_t lcap = 0;
	while (getline(&line, &lcap, g) > 0) {
		json_t *j = json_loads(line, 0, NULL);
		const char *name = j ? json_string_value(json_object_get(j, "doc")) : NULL;
		if (!name) {
			json_decref(j);
			continue;
		}
		int held = folds > 0 && (int)(idx++ % (size_t)folds) == fold;
		if (held) {
			printf("%s\n", name);
		} else {
			if (nd == cap) {
				cap = cap ? cap * 2 : 256;
				docs = realloc(docs, cap * sizeof *docs);
				if (!docs)
					return 1;
			}
			if (load_doc(dir, name, json_object_get(j, "entities"), &docs[nd]) == 0)
				nd++;
			else
				fprintf(stderr, "ner_train: skipped %s\n", name);
		}
		json_decref(j);
	}
	free(line);
	fclose(g);
	w = calloc((size_t)KH_NER_SIZE * KH_NER_CLASSES, sizeof *w);
	u = calloc((size_t)KH_NER_SIZE * KH_NER_CLASSES, sizeof *u);
	size_t *order = malloc((nd + 1) * sizeof *order);
	if (!w || !u || !order)
		return 1;
	for (size_t i = 0; i < nd; i++)
		order[i] = i;
	unsigned seed = 12345;
	for (int ep = 0; ep < epochs; ep++) {
		for (size_t i = nd; i > 1; i--) { /* a fixed shuffle per epoch */
			seed = seed * 1103515245u + 12345u;
			size_t j = seed % i, t = order[i - 1];
			order[i - 1] = order[j], order[j] = t;
		}
		long errors = 0, tokens = 0;
		for (size_t di = 0; di < nd && beam > 0; di++)
			errors += train_beam(&docs[order[di]], beam), tokens += docs[order[di]].nt;
		for (size_t di = 0; di < nd && beam <= 0; di++) {
			const doc *d = &docs[order[di]];
			int prev = T_O, prev2 = T_O;
			for (int i = 0; i < d->nt; i++, step++) {
				const uint32_t *f = d->stat + (size_t)i * KH_NER_STATIC;
				uint32_t dyn[KH_NER_DYNAMIC];
				kh_ner_dynamic(f, prev, prev2, dyn);
				int p = predict(f, dyn, prev), gold = d->gold[i];
				if (!kh_ner_allowed(prev, gold))
					gold = gold - 1; /* an I after a mistake: train it as B */
				if (p != gold) {
					update(f, dyn, gold, 1.0f);
					update(f, dyn, p, -1.0f);
					errors++;
				}
				tokens++;
				prev2 = prev;
				prev = p;
			}
		}
		fprintf(stderr, "ner_train: epoch %d, %ld of %ld tokens wrong\n", ep + 1, errors,
		        tokens);
	}
	/* the average, then int8 with one scale */
	size_t n = (size_t)KH_NER_SIZE * KH_NER_CLASSES;
	float mx = 0;
	for (size_t i = 0; i < n; i++) {
		w[i] -= u[i] / (float)step;
		if (fabsf(w[i]) > mx)
			mx = fabsf(w[i]);
	}
	float scale = mx > 0 ? mx / 127.0f : 1.0f;
	FILE *o = fopen(out, "wb");
	if (!o) {
		fprintf(stderr, "ner_train: cannot write %s\n", out);
		return 1;
	}
	/* sparse: the buckets with a weight, each as the gap from the last (a varint), a
	 * byte of which classes have a weight, and those int8 weights */
	uint32_t hdr[2] = {KH_NER_BITS, KH_NER_CLASSES};
	fwrite("KHNER3\0\0", 1, 8, o);
	fwrite(hdr, 4, 2, o);
	fwrite(&scale, 4, 1, o);
	size_t last = 0, kept = 0;
	for (size_t b = 0; b < KH_NER_SIZE; b++) {
		signed char c[KH_NER_CLASSES];
		int any = 0;
		for (int k = 0; k < KH_NER_CLASSES; k++) {
			float q = roundf(w[b * KH_NER_CLASSES + k] / scale);
			c[k] = (signed char)(q > 127 ? 127 : q < -127 ? -127 : q);
			any |= c[k] != 0;
		}
		if (!any)
			continue;
		for (size_t gap = b - last;; gap >>= 7) {
			fputc((int)((gap & 127) | (gap > 127 ? 128 : 0)), o);
			if (gap <= 127)
				break;
		}
		int mask = 0;
		for (int k = 0; k < KH_NER_CLASSES; k++)
			mask |= (c[k] != 0) << k;
		fputc(mask, o);
		for (int k = 0; k < KH_NER_CLASSES; k++)
			if (c[k])
				fputc((unsigned char)c[k], o);
		last = b;
		kept++;
	}
	fprintf(stderr, "ner_train: %zu of %u buckets kept\n", kept, KH_NER_SIZE);
	if (fclose(o)) {
		fprintf(stderr, "ner_train: cannot write %s\n", out);
		return 1;
	}
	fprintf(stderr, "ner_train: %zu documents, model %s\n", nd, out);
	return 0;
}
