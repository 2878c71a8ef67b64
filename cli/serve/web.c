/* web.c — the page's files (web/), compiled into the binary by cmake/embed.cmake: nothing
 * is read from the disk, so no path of a request can reach a file outside the app. */
#include <string.h>

#include "serve.h"

#define WEB(stem)                                                                                  \
	extern const char kh_web_##stem[];                                                         \
	extern const unsigned long kh_web_##stem##_len;
WEB(index)
WEB(style)
WEB(dom)
WEB(chart)
WEB(views)
WEB(app)
WEB(favicon)
#undef WEB

const char *kh_web_file(const char *path, size_t *len, const char **type)
{
	static const char html[] = "text/html; charset=utf-8";
	static const char js[] = "text/javascript; charset=utf-8";
	static const struct {
		const char *path;
		const char *data;
		const unsigned long *len;
		const char *type;
	} files[] = {
	        {"/", kh_web_index, &kh_web_index_len, html},
	        {"/style.css", kh_web_style, &kh_web_style_len, "text/css; charset=utf-8"},
	        {"/dom.js", kh_web_dom, &kh_web_dom_len, js},
	        {"/chart.js", kh_web_chart, &kh_web_chart_len, js},
	        {"/views.js", kh_web_views, &kh_web_views_len, js},
	        {"/app.js", kh_web_app, &kh_web_app_len, js},
	        {"/favicon.svg", kh_web_favicon, &kh_web_favicon_len, "image/svg+xml"},
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if (!strcmp(path, files[i].path)) {
			*len = (size_t)*files[i].len;
			*type = files[i].type;
			return files[i].data;
		}
	return NULL;
}
