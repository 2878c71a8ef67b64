/* khabar/number.h — numbers as Persian news writes them: digits in any of the three
 * systems (ASCII, Persian ۰-۹, Arabic-Indic ٠-٩) with decimal (. ٫ /) and thousands
 * (, ٬) separators, and number words («بیست و پنج», «سه هزار و دویست», «دو میلیون و
 * پانصد هزار», «نیم», «سه دهم»), or a mix («۲ میلیون»). Word table:
 * extractor/persian/data/numbers.tsv. */
#ifndef KHABAR_NUMBER_H
#define KHABAR_NUMBER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
	/* also read decimals written as separate tokens, «12 . 5» (tokenized corpora) */
	KH_NUM_SPACED_DECIMAL = 1
};

/* Reads a number at the start of s[0..len). Returns the bytes it spans (0 when
 * there is none) and stores its value in *value. Words must start at s. */
size_t kh_number_parse(const char *s, size_t len, double *value, unsigned flags);

/* Is `s` (n bytes) one Persian number word? Stores its value and returns 1. */
int kh_number_word(const char *s, size_t n, double *value);

#ifdef __cplusplus
}
#endif
#endif
