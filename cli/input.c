/* input.c — reading inputs whole and writing outputs atomically. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

kh_status kh_read_input(const char *path, size_t max, char **data, size_t *len, kh_error *err)
{
	*data = NULL;
	*len = 0;
	int is_stdin = !strcmp(path, "-");
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return kh_error_set(err, KH_ERR_IO, "%s: %s", path, strerror(errno));
	struct stat st;
	if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return kh_error_set(err, KH_ERR_IO, "%s: is a directory", path);
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	kh_status rc = KH_OK;
	while (buf) {
		if (n == cap) {
			if (cap > max) {
				rc = kh_error_set(err, KH_ERR_TOO_BIG,
				                  "%s: larger than the limit of %zu bytes", path,
				                  max);
				break;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				rc = kh_error_set(err, KH_ERR_NOMEM, "%s: out of memory", path);
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0) {
			if (ferror(f))
				rc = kh_error_set(err, KH_ERR_IO, "%s: read error: %s", path,
				                  strerror(errno));
			break;
		}
	}
	if (!buf)
		rc = kh_error_set(err, KH_ERR_NOMEM, "%s: out of memory", path);
	if (!is_stdin)
		fclose(f);
	if (!rc && n > max)
		rc = kh_error_set(err, KH_ERR_TOO_BIG, "%s: larger than the limit of %zu bytes",
		                  path, max);
	if (rc) {
		free(buf);
		return rc;
	}
	*data = buf;
	*len = n;
	return KH_OK;
}

kh_status kh_write_file_atomic(const char *path, const char *data, size_t len, kh_error *err)
{
	size_t n = strlen(path) + 32;
	char *tmp = malloc(n);
	if (!tmp)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		kh_error_set(err, KH_ERR_IO, "%s: %s", tmp, strerror(errno));
		free(tmp);
		return KH_ERR_IO;
	}
	int ok = fwrite(data, 1, len, f) == len;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		kh_error_set(err, KH_ERR_IO, "%s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return KH_ERR_IO;
	}
	free(tmp);
	return KH_OK;
}
