/* khabar/error.h — error codes and the error record every fallible call fills. */
#ifndef KHABAR_ERROR_H
#define KHABAR_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kh_status {
	KH_OK = 0,
	KH_ERR_NOMEM,    /* an allocation failed */
	KH_ERR_IO,       /* a file could not be read or written */
	KH_ERR_EMPTY,    /* the input holds no bytes, or only white space */
	KH_ERR_BINARY,   /* the input is not text (NUL bytes, control characters) */
	KH_ERR_TOO_BIG,  /* the input is over the configured size limit */
	KH_ERR_ENCODING, /* the input could not be decoded */
	KH_ERR_PARSE,    /* the HTML or JSON could not be parsed */
	KH_ERR_USAGE,    /* a caller passed bad arguments */
	KH_ERR_INTERNAL  /* a library (ICU, libxml2) failed unexpectedly */
} kh_status;

/* What went wrong: a status and a one-line, human-readable message. */
typedef struct kh_error {
	kh_status code;
	char message[256];
} kh_error;

/* Sets `err` (if not NULL) to `code` and a printf-style message; returns `code`. */
kh_status kh_error_set(kh_error *err, kh_status code, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Clears `err` to KH_OK and an empty message. */
void kh_error_clear(kh_error *err);

/* A short English name for a status, e.g. "out of memory". */
const char *kh_status_name(kh_status code);

#ifdef __cplusplus
}
#endif
#endif
