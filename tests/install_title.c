/* install_title.c — a program of a libkhabar user, built by tests/install.sh against the
 * installed library with only `pkg-config --cflags --libs khabar`: prints the version it
 * was compiled with and the headline of the page it is given. */
#include <stdio.h>
#include <stdlib.h>

#include <khabar/khabar.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s PAGE.html\n", argv[0]);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	size_t cap = 1 << 20, len = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0)
		if ((len += got) == cap) {
			char *g = realloc(buf, cap *= 2);
			if (!g)
				free(buf);
			buf = g;
		}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "%s: out of memory\n", argv[0]);
		return 1;
	}
	kh_article *a = NULL;
	kh_error err = {0};
	kh_status st = kh_extract_html(buf, len, NULL, &a, &err);
	free(buf);
	if (st) {
		fprintf(stderr, "%s: %s: %s\n", argv[0], kh_status_name(st), err.message);
		return 1;
	}
	printf("%s %d\n%s\n", KH_VERSION, KH_VERSION_MAJOR, a->title ? a->title : "(no title)");
	kh_article_free(a);
	return 0;
}
