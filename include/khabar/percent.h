/* khabar/percent.h — percentages in Persian text: «۸۰ درصد», «۳۶ درصدی», «صددرصدی»,
 * «صد در صد», «٪۸۰», «80%», «۱۲٫۵ درصد», «بیست و پنج درصد», «منفی ۲ درصد». A range
 * («۲۰ تا ۳۰ درصد», «بین ۲۰ تا ۳۰ درصد») is one percentage with a lower and upper value;
 * so is a list sharing one percent word («۳۲ و ۲۱ درصد», «۲۰٫۳، ۱۹٫۸ و ۱۷٫۴ درصد»), with
 * every figure in `values`.
 * An approximation word before the figure (data/approx.txt: حدود، بیش از، کمتر از،
 * نزدیک به، تقریبا ...) sets `approx` and stays outside the span. «درصد» without a
 * number is not a percentage, nor is «درصدد» ("intending to"). */
#ifndef KHABAR_PERCENT_H
#define KHABAR_PERCENT_H

#include <stddef.h>

#include "khabar/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kh_percentage {
	size_t start, end; /* UTF-8 byte span: the figure with its percent word or sign */
	double value;      /* the figure (100 for «صددرصدی»); the lower bound of a range */
	double value_max;  /* the upper bound of a range; equal to value otherwise */
	double values[8];  /* a list's figures in order (the first 8) */
	int nvalues;       /* 1 unless a list */
	int approx;        /* preceded by an approximation or bound word */
	/* what the figure measures (kh_find_facts fills it): an organization or a quantity */
	int has_subject;
	size_t subject_start, subject_end; /* its span in the text */
	char *subject_canonical;           /* malloc'd: the organization's canonical name, or
	                                      the span normalized; free with the array */
} kh_percentage;

/* Finds every percentage in text[0..len), in order, without overlaps. `*out` is a
 * malloc'd array (NULL when none) of `*n` items. Fails only when out of memory. */
kh_status kh_find_percentages(const char *text, size_t len, kh_percentage **out, size_t *n,
                              kh_error *err);

#ifdef __cplusplus
}
#endif
#endif
