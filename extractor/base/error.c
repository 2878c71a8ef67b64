/* error.c — filling kh_error records. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "khabar/error.h"

kh_status kh_error_set(kh_error *err, kh_status code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		err->code = code;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof err->message, fmt, ap);
		va_end(ap);
	}
	return code;
}

void kh_error_clear(kh_error *err)
{
	if (err) {
		err->code = KH_OK;
		err->message[0] = '\0';
	}
}

const char *kh_status_name(kh_status code)
{
	switch (code) {
	case KH_OK: return "ok";
	case KH_ERR_NOMEM: return "out of memory";
	case KH_ERR_IO: return "input/output error";
	case KH_ERR_EMPTY: return "empty input";
	case KH_ERR_BINARY: return "binary input";
	case KH_ERR_TOO_BIG: return "input too large";
	case KH_ERR_ENCODING: return "undecodable input";
	case KH_ERR_PARSE: return "parse error";
	case KH_ERR_USAGE: return "bad usage";
	case KH_ERR_INTERNAL: return "internal error";
	}
	return "unknown error";
}
