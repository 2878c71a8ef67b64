/* tagger.h — an averaged-perceptron token tagger for ORG, PER and LOC (BIO tags),
 * on hashed features of the words and of what the rules found. The model is trained by
 * tools/ner_train.c (`make model`) and compiled in from extractor/facts/model/ner.bin. Internal. */
#ifndef KH_TAGGER_H
#define KH_TAGGER_H

#include <stdint.h>

#include "facts/factsint.h"

#define KH_NER_BITS    20
#define KH_NER_SIZE    (1u << KH_NER_BITS)
#define KH_NER_CLASSES 7  /* O, B-ORG, I-ORG, B-PER, I-PER, B-LOC, I-LOC */
#define KH_NER_STATIC  34 /* features of a token that do not depend on the tags */
#define KH_NER_DYNAMIC 4  /* features of the tags before it */

enum { T_O, T_B_ORG, T_I_ORG, T_B_PER, T_I_PER, T_B_LOC, T_I_LOC };

/* The tag-independent features of every token: a malloc'd array of nt * KH_NER_STATIC
 * hashes (NULL out of memory). */
uint32_t *kh_ner_static(const fx *x);

/* The features of token i given the two tags before it. */
void kh_ner_dynamic(const uint32_t *stat, int prev, int prev2, uint32_t *out);

/* Whether tag `c` may follow `prev` (no I-X after O or after another type). */
int kh_ner_allowed(int prev, int c);

/* A hypothesis of the beam search (kh_ner_tag, and the trainer's --beam). */
#define KH_NER_MAX_BEAM 8
typedef struct kh_ner_hyp {
	double score;
	int prev, prev2; /* its last two tags */
	int from;        /* the hypothesis it extends, in the beam of the token before */
	int gold;        /* training: every tag so far is the wanted one */
} kh_ner_hyp;

/* One token of the beam search: each cur[h] extended by every tag allowed after it, with
 * scores[h * KH_NER_CLASSES + tag]; one hypothesis kept per pair of last tags (the future
 * sees only those), then the `beam` best in out[], best first. `want` is the gold tag when
 * training, else -1. `out` may be `cur`. Returns how many out[] holds. */
int kh_ner_beam_step(const kh_ner_hyp *cur, int nb, const double *scores, int want, int beam,
                     kh_ner_hyp *out);
/* The tags of tokens [first, last] on the way back from the best hypothesis after `last`;
 * kept[t * stride ...] is the beam after token t. */
void kh_ner_path(const kh_ner_hyp *kept, int stride, int first, int last, int *tags);

/* Is a model compiled in? */
int kh_ner_has_model(void);

/* Tags every token with the compiled-in model: tags[nt]. Returns 0, or -1 when there
 * is no model or memory. */
int kh_ner_tag(const fx *x, int *tags);

#endif
