/* fuzz_query.c — libFuzzer target: any bytes as a search query (kh_query_parse) and as
 * an article record (the JSON the index reads): a clear error or a result, never a crash;
 * a parsed query's strings lie inside its storage. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ixdoc.h"
#include "khabar/index.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	kh_query q;
	char *storage = NULL;
	if (kh_query_parse(s, &q, &storage, NULL) == KH_OK) {
		const char *fields[] = {q.text, q.speaker, q.org, q.agency, q.from, q.to};
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
			if (fields[i] && strlen(fields[i]) > 4 * size + 16)
				abort();
	}
	free(storage);
	char *article = NULL;
	kh_ixdoc *docs = NULL;
	size_t n = 0;
	if (kh_record_docs(s, size, &article, &docs, &n, NULL) == KH_OK)
		kh_ixdocs_free(docs, n);
	free(article);
	free(s);
	return 0;
}
