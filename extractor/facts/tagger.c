/* tagger.c — features and beam decoding of the ORG/PER/LOC tagger (tagger.h); the
 * entities made of its tags are in entities.c. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/tagger.h"

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

/* The model compiled in by extractor/facts/nermodel.S (or read from KHABAR_NER_MODEL): "KHNER3",
 * two zero bytes, bits, classes and a float scale, then the buckets that have weights,
 * each as a varint gap from the previous one, a byte whose bit c says class c has a
 * weight, and those int8 weights in class order (most buckets have two). It is expanded
 * once into a dense table. */
extern const unsigned char kh_ner_model[];
extern const unsigned long kh_ner_model_size;

static signed char *weights;
static float scale;
static int model_state; /* 0 unknown, 1 loaded, -1 none */

/* A model file named by KHABAR_NER_MODEL (for held-out evaluations), read whole. */
static unsigned char *model_file(size_t *n)
{
	const char *path = getenv("KHABAR_NER_MODEL");
	FILE *f = path && *path ? fopen(path, "rb") : NULL;
	if (!f)
		return NULL;
	size_t cap = 1 << 20, len = 0, got;
	unsigned char *m = malloc(cap);
	while (m && (got = fread(m + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			unsigned char *g = realloc(m, cap *= 2);
			if (!g) {
				free(m);
				m = NULL;
			}
			m = g;
		}
	}
	fclose(f);
	*n = len;
	return m;
}

static int expand(const unsigned char *m, size_t n)
{
	uint32_t bits, classes;
	if (n < 20 || memcmp(m, "KHNER3", 6))
		return -1;
	memcpy(&bits, m + 8, 4);
	memcpy(&classes, m + 12, 4);
	memcpy(&scale, m + 16, 4);
	if (bits != KH_NER_BITS || classes != KH_NER_CLASSES)
		return -1;
	weights = calloc((size_t)KH_NER_SIZE * KH_NER_CLASSES, 1);
	if (!weights)
		return -1;
	size_t p = 20, b = 0;
	while (p < n) {
		size_t gap = 0;
		int shift = 0;
		while (p < n && (m[p] & 128) && shift < 28)
			gap |= (size_t)(m[p++] & 127) << shift, shift += 7;
		if (p >= n)
			break;
		gap |= (size_t)m[p++] << shift;
		b += gap;
		unsigned mask = p < n ? m[p++] : 0;
		int k = __builtin_popcount(mask);
		if (b >= KH_NER_SIZE || mask >> KH_NER_CLASSES || p + (size_t)k > n) {
			free(weights);
			weights = NULL;
			return -1; /* a damaged model: none rather than wrong weights */
		}
		for (int c = 0; c < KH_NER_CLASSES; c++)
			if (mask & (1u << c))
				weights[b * KH_NER_CLASSES + (size_t)c] = (signed char)m[p++];
	}
	return 0;
}

static void load_model(void)
{
	size_t n = 0;
	unsigned char *file = model_file(&n);
	int rc = file ? expand(file, n) : expand(kh_ner_model, kh_ner_model_size);
	free(file);
	model_state = rc ? -1 : 1;
}

int kh_ner_has_model(void)
{
	pthread_once(&load_once, load_model);
	return model_state == 1;
}

static uint32_t mix(uint32_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	return h;
}

/* The hash of feature template `tpl` with a string value. */
static uint32_t feat(int tpl, const char *v, size_t n)
{
	uint32_t h = mix(2166136261u, &tpl, sizeof tpl);
	return mix(h, v, n);
}

/* The same hash as feat(tpl, "a|b"), without joining the strings. */
static uint32_t feat2(int tpl, const char *a, const char *b)
{
	uint32_t h = mix(2166136261u, &tpl, sizeof tpl);
	h = mix(h, a, strlen(a));
	h = mix(h, "|", 1);
	return mix(h, b, strlen(b));
}

/* feat(tpl, "<decimal v>|b"). */
static uint32_t feat_int(int tpl, int v, const char *b)
{
	char num[16];
	int n = 0, i = 0;
	unsigned u = (unsigned)v;
	do
		num[n++] = (char)('0' + u % 10);
	while ((u /= 10) && n < 15);
	char d[16] = {0};
	for (; i < n; i++)
		d[i] = num[n - 1 - i];
	d[n] = '\0';
	return feat2(tpl, d, b);
}

/* A word's form for features: folded letters, or the shape of a number or a sign.
 * `out` has room for MAXW bytes. */
static void form(const fx *x, int i, char *out)
{
	if (x->t[i].num) {
		out[0] = '#', out[1] = (char)('0' + (x->t[i].ndig > 4 ? 5 : x->t[i].ndig)),
		out[2] = 0;
	} else if (x->t[i].punct) {
		out[0] = x->t[i].punct, out[1] = 0;
	} else {
		memcpy(out, x->t[i].f, x->t[i].flen + 1);
	}
}

/* Token i's form from the forms of all tokens, or the text's edges. */
static const char *form_at(const char (*forms)[MAXW], int nt, int i)
{
	return i < 0 ? "<s>" : i >= nt ? "</s>" : forms[i];
}

/* The last `k` letters (UTF-8 code points) of s. */
static const char *last_letters(const char *s, int k)
{
	const char *p = s + strlen(s);
	while (p > s && k > 0) {
		p--;
		if (((unsigned char)*p & 0xC0) != 0x80)
			k--;
	}
	return p;
}

static size_t first_letters(const char *s, int k)
{
	size_t i = 0;
	while (s[i] && k > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

/* What the rules say of token i, as a small code: org begin/inside, a name's
 * begin/inside (from name[], 4 or 8), first name, role ... */
static int flags(const fx *x, const char *name, int i)
{
	if (i < 0 || i >= x->nt)
		return 0;
	int f = name[i];
	if (x->org_of[i] >= 0)
		f |= x->orgs[x->org_of[i]].a == i ? 1 : 2;
	if (fx_is(x, i, FK(F_FIRST)))
		f |= 16;
	if (fx_is(x, i, FK(F_ROLE)))
		f |= 32;
	if (fx_is(x, i, FK(F_ORG_HEAD)))
		f |= 64;
	if (fx_is(x, i, FK(F_HONORIFIC)))
		f |= 128;
	if (fx_is(x, i, FK(F_STOP)))
		f |= 256;
	if (fx_is(x, i, FK(F_PLACE)))
		f |= 512;
	return f;
}

uint32_t *kh_ner_static(const fx *x)
{
	uint32_t *out = malloc(((size_t)x->nt + 1) * KH_NER_STATIC * sizeof *out);
	if (!out)
		return NULL;
	/* person mentions found by the rules (names and later surnames), and names */
	char *per = calloc((size_t)x->nt + 1, 1), *name = calloc((size_t)x->nt + 1, 1);
	if (!per || !name) {
		free(out);
		free(per);
		free(name);
		return NULL;
	}
	for (size_t p = 0; p < x->out->npeople; p++)
		for (size_t m = 0; m < x->out->people[p].nmentions; m++) {
			const kh_span *sp = &x->out->people[p].mentions[m];
			int lo = 0, hi = x->nt; /* the first token at or after the mention */
			while (lo < hi) {
				int mid = lo + (hi - lo) / 2;
				if (x->t[mid].s < sp->start)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (int k = lo; k < x->nt && x->t[k].e <= sp->end; k++)
				per[k] = x->t[k].s == sp->start ? 1 : 2;
		}
	for (size_t n = 0; n < x->nnames; n++)
		for (int k = x->names[n].a; k < x->names[n].b && k < x->nt; k++)
			name[k] |= (char)(k == x->names[n].a ? 4 : 8);
	/* known organizations (the gazetteer alone): 1 at the first word, 2 inside */
	char *gaz = calloc((size_t)x->nt + 1, 1);
	if (!gaz) {
		free(out);
		free(per);
		free(name);
		return NULL;
	}
	for (int i = 0; i < x->nt; i++) {
		int u;
		if (!gaz[i] && fx_at(x, i, FK(F_ORG), &u))
			for (int k = i; k < i + u; k++)
				gaz[k] = (char)(k == i ? 1 : 2);
	}
	char(*forms)[MAXW] = malloc(((size_t)x->nt + 1) * sizeof *forms);
	if (!forms) {
		free(out);
		free(per);
		free(name);
		free(gaz);
		return NULL;
	}
	for (int i = 0; i < x->nt; i++)
		form(x, i, forms[i]);
	for (int i = 0; i < x->nt; i++) {
		uint32_t *f = out + (size_t)i * KH_NER_STATIC;
		/* the forms of the word and its neighbours, each made once for the text */
		const char *w0 = form_at(forms, x->nt, i);
		const char *w[4] = {form_at(forms, x->nt, i - 1), form_at(forms, x->nt, i + 1),
		                    form_at(forms, x->nt, i - 2), form_at(forms, x->nt, i + 2)};
		int k = 0,
		    fl[3] = {flags(x, name, i), flags(x, name, i - 1), flags(x, name, i + 1)};
		f[k++] = feat(0, "", 0); /* bias */
		f[k++] = feat(1, w0, strlen(w0));
		f[k++] = feat(2, w[0], strlen(w[0]));
		f[k++] = feat(3, w[1], strlen(w[1]));
		f[k++] = feat(4, w[2], strlen(w[2]));
		f[k++] = feat(5, w[3], strlen(w[3]));
		const char *s3 = last_letters(w0, 3), *s2 = last_letters(w0, 2);
		f[k++] = feat(6, s3, strlen(s3));
		f[k++] = feat(7, s2, strlen(s2));
		f[k++] = feat(8, w0, first_letters(w0, 3));
		f[k++] = feat(9, w0, first_letters(w0, 2));
		f[k++] = feat2(10, w[0], w0);
		f[k++] = feat2(11, w0, w[1]);
		f[k++] = feat(12, (const char *)&fl[0], sizeof fl[0]);
		f[k++] = feat(13, (const char *)&fl[1], sizeof fl[1]);
		f[k++] = feat(14, (const char *)&fl[2], sizeof fl[2]);
		f[k++] = feat_int(15, fl[1], w0);
		f[k++] = feat_int(16, fl[0], w[0]);
		int pr = per[i];
		f[k++] = feat(17, (const char *)&pr, sizeof pr);
		int nl = x->t[i].nl || i == 0;
		f[k++] = feat(18, (const char *)&nl, sizeof nl);
		int latin = !x->t[i].num && !x->t[i].punct && (unsigned char)x->t[i].f[0] < 0x80;
		f[k++] = feat(19, (const char *)&latin, sizeof latin);
		int len = x->t[i].flen > 12 ? 12 : (int)x->t[i].flen;
		f[k++] = feat(20, (const char *)&len, sizeof len);
		f[k++] = feat2(21, w[0], w[1]);
		f[k++] = feat2(22, w[2], w[0]);
		f[k++] = feat2(23, w[1], w[3]);
		const char *p3 = last_letters(w[0], 3);
		f[k++] = feat(24, p3, strlen(p3));
		const char *n3 = last_letters(w[1], 3);
		f[k++] = feat(25, n3, strlen(n3));
		int pp = i > 0 ? per[i - 1] : 0;
		f[k++] = feat(26, (const char *)&pp, sizeof pp);
		int np = i + 1 < x->nt ? per[i + 1] : 0;
		f[k++] = feat(27, (const char *)&np, sizeof np);
		int gz = gaz[i];
		f[k++] = feat(28, (const char *)&gz, sizeof gz);
		int f2 = flags(x, name, i - 2);
		f[k++] = feat(29, (const char *)&f2, sizeof f2);
		f[k++] = feat(30, w[1], first_letters(w[1], 2));
		f[k++] = feat_int(31, fl[2], w0);
		/* a verb here or next: names stop before verbs («نیروی انتظامی گذاشتند») */
		int vb = (x->t[i].num || x->t[i].punct ? 0 : fx_verbal(x, i)) |
		         (i + 1 < x->nt && !x->t[i + 1].num && !x->t[i + 1].punct &&
		                          fx_verbal(x, i + 1)
		                  ? 2
		                  : 0);
		f[k++] = feat(32, (const char *)&vb, sizeof vb);
		f[k++] = feat_int(33, vb, w0);
	}
	free(per);
	free(name);
	free(gaz);
	free(forms);
	return out;
}

/* The hashes of the features of the tags alone, made once: they are the same everywhere. */
static uint32_t tag_feat[KH_NER_CLASSES], pair_feat[KH_NER_CLASSES][KH_NER_CLASSES];
static pthread_once_t tag_once = PTHREAD_ONCE_INIT;

static void tag_features(void)
{
	for (int p = 0; p < KH_NER_CLASSES; p++) {
		tag_feat[p] = feat(40, (const char *)&p, sizeof p);
		for (int q = 0; q < KH_NER_CLASSES; q++) {
			int pair[2] = {p, q};
			pair_feat[p][q] = feat(41, (const char *)pair, sizeof pair);
		}
	}
}

void kh_ner_dynamic(const uint32_t *stat, int prev, int prev2, uint32_t *out)
{
	pthread_once(&tag_once, tag_features);
	out[0] = tag_feat[prev];
	out[1] = pair_feat[prev][prev2];
	uint32_t w0 = stat[1];
	uint32_t pw[2] = {(uint32_t)prev, w0};
	out[2] = feat(42, (const char *)pw, sizeof pw);
	uint32_t pf[2] = {(uint32_t)prev, stat[12]};
	out[3] = feat(43, (const char *)pf, sizeof pf);
}

int kh_ner_allowed(int prev, int c)
{
	if (c == T_I_ORG)
		return prev == T_B_ORG || prev == T_I_ORG;
	if (c == T_I_PER)
		return prev == T_B_PER || prev == T_I_PER;
	if (c == T_I_LOC)
		return prev == T_B_LOC || prev == T_I_LOC;
	return 1;
}

int kh_ner_beam_step(const kh_ner_hyp *cur, int nb, const double *scores, int want, int beam,
                     kh_ner_hyp *out)
{
	kh_ner_hyp next[KH_NER_MAX_BEAM * KH_NER_CLASSES];
	int nn = 0;
	signed char slot[KH_NER_CLASSES * KH_NER_CLASSES];
	memset(slot, -1, sizeof slot);
	for (int h = 0; h < nb; h++)
		for (int c = 0; c < KH_NER_CLASSES; c++) {
			if (!kh_ner_allowed(cur[h].prev, c))
				continue;
			kh_ner_hyp n = {cur[h].score + scores[h * KH_NER_CLASSES + c], c,
			                cur[h].prev, h, cur[h].gold && c == want};
			int key = c * KH_NER_CLASSES + cur[h].prev;
			if (slot[key] < 0) {
				slot[key] = (signed char)nn;
				next[nn++] = n;
			} else if (n.score > next[slot[key]].score) {
				next[slot[key]] = n;
			}
		}
	int kept = 0;
	for (; kept < beam && kept < nn; kept++) {
		int best = -1;
		for (int q = 0; q < nn; q++)
			if (next[q].from >= -1 && (best < 0 || next[q].score > next[best].score))
				best = q;
		if (best < 0)
			break;
		out[kept] = next[best];
		next[best].from = -2; /* taken */
	}
	return kept;
}

void kh_ner_path(const kh_ner_hyp *kept, int stride, int first, int last, int *tags)
{
	for (int t = last, h = 0; t >= first; t--) {
		const kh_ner_hyp *k = &kept[(size_t)t * (size_t)stride + (size_t)h];
		tags[t] = k->prev;
		h = k->from < 0 ? 0 : k->from;
	}
}

enum { BEAM = 4 };

int kh_ner_tag(const fx *x, int *tags)
{
	if (!kh_ner_has_model())
		return -1;
	uint32_t *stat = kh_ner_static(x);
	/* the beam after each token, for the way back */
	kh_ner_hyp *kept = malloc(((size_t)x->nt + 1) * BEAM * sizeof *kept);
	if (!stat || !kept) {
		free(stat);
		free(kept);
		return -1;
	}
	kh_ner_hyp beam[BEAM] = {{0, T_O, T_O, -1, 0}};
	int nb = 1;
	for (int i = 0; i < x->nt; i++) {
		const uint32_t *f = stat + (size_t)i * KH_NER_STATIC;
		int base[KH_NER_CLASSES] = {0};
		for (int k = 0; k < KH_NER_STATIC; k++) {
			const signed char *w =
			        weights + (size_t)(f[k] & (KH_NER_SIZE - 1)) * KH_NER_CLASSES;
			for (int c = 0; c < KH_NER_CLASSES; c++)
				base[c] += w[c];
		}
		double scores[BEAM * KH_NER_CLASSES];
		for (int h = 0; h < nb; h++) {
			uint32_t d[KH_NER_DYNAMIC];
			kh_ner_dynamic(f, beam[h].prev, beam[h].prev2, d);
			int score[KH_NER_CLASSES];
			memcpy(score, base, sizeof score);
			for (int k = 0; k < KH_NER_DYNAMIC; k++) {
				const signed char *w =
				        weights +
				        (size_t)(d[k] & (KH_NER_SIZE - 1)) * KH_NER_CLASSES;
				for (int c = 0; c < KH_NER_CLASSES; c++)
					score[c] += w[c];
			}
			for (int c = 0; c < KH_NER_CLASSES; c++)
				scores[h * KH_NER_CLASSES + c] = score[c];
		}
		nb = kh_ner_beam_step(beam, nb, scores, -1, BEAM, beam);
		memcpy(kept + (size_t)i * BEAM, beam, (size_t)nb * sizeof *beam);
	}
	if (x->nt > 0)
		kh_ner_path(kept, BEAM, 0, x->nt - 1, tags);
	free(stat);
	free(kept);
	return 0;
}
