/* buf.c — growable byte buffer. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

static int reserve(kh_buf *b, size_t extra)
{
	if (b->failed)
		return -1;
	if (b->len + extra + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1) {
		if (cap > ((size_t)-1) / 2) {
			b->failed = 1;
			return -1;
		}
		cap *= 2;
	}
	char *p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void *kh_grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	size_t nc = *cap ? *cap * 2 : 16;
	if (nc <= n || nc > ((size_t)-1) / size)
		return NULL;
	void *nv = realloc(v, nc * size);
	if (nv)
		*cap = nc;
	return nv;
}

int kh_buf_reserve(kh_buf *b, size_t extra)
{
	return reserve(b, extra);
}

int kh_buf_add(kh_buf *b, const char *s, size_t n)
{
	if (reserve(b, n))
		return -1;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int kh_buf_adds(kh_buf *b, const char *s)
{
	return kh_buf_add(b, s, strlen(s));
}

int kh_buf_addc(kh_buf *b, char c)
{
	return kh_buf_add(b, &c, 1);
}

char *kh_buf_detach(kh_buf *b, size_t *len)
{
	if (b->failed) {
		kh_buf_free(b);
		return NULL;
	}
	if (!b->data && kh_buf_add(b, "", 0))
		return NULL;
	char *d = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

void kh_buf_free(kh_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}
