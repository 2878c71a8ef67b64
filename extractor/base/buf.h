/* buf.h — a growable byte buffer that stays NUL-terminated. Internal. */
#ifndef KH_BUF_H
#define KH_BUF_H

#include <stddef.h>

typedef struct kh_buf {
	char *data;
	size_t len, cap;
	int failed; /* set once an allocation failed; later appends do nothing */
} kh_buf;

/* Appends `n` bytes; returns 0, or -1 (and sets failed) when out of memory. */
int kh_buf_add(kh_buf *b, const char *s, size_t n);
/* Makes room for `extra` more bytes (and the terminator); 0, or -1 when out of memory. */
int kh_buf_reserve(kh_buf *b, size_t extra);
/* Returns the array `v` (elements of `size` bytes, capacity *cap) with room for
 * index n: the capacity doubles (16 at first) when n has reached it. NULL when out
 * of memory, `v` then still valid. */
void *kh_grow(void *v, size_t *cap, size_t n, size_t size);
/* Appends a NUL-terminated string. */
int kh_buf_adds(kh_buf *b, const char *s);
/* Appends one byte. */
int kh_buf_addc(kh_buf *b, char c);
/* Hands the data to the caller (never NULL unless failed) and resets `b`. */
char *kh_buf_detach(kh_buf *b, size_t *len);
/* Frees the data and resets `b`. */
void kh_buf_free(kh_buf *b);

#endif
