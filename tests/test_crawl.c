/* test_crawl.c — the crawler's parsers: URL canonicalization, robots.txt (RFC 9309),
 * feeds and sitemaps, feed discovery, and the durable frontier. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "crawlint.h"
#include "khabar/crawl.h"

static void canon(const char *url, const char *base, const char *want)
{
	char *got = NULL;
	kh_error err = {0};
	kh_status rc = kh_url_canonical(url, base, &got, &err);
	if (!want) {
		if (rc == KH_OK)
			fail_msg("«%s» was accepted as %s", url, got);
		assert_non_null(strstr(err.message, "http") ? err.message : err.message);
		free(got);
		return;
	}
	if (rc != KH_OK)
		fail_msg("«%s»: %s", url, err.message);
	if (strcmp(got, want))
		fail_msg("«%s»: got %s, wanted %s", url, got, want);
	free(got);
}

static void urls(void **state)
{
	(void)state;
	canon("HTTP://WWW.Example.COM:80/a/./b/../c?x=1#frag", NULL,
	      "http://www.example.com/a/c?x=1");
	canon("https://example.com:443", NULL, "https://example.com/");
	canon("https://example.com:8443/", NULL, "https://example.com:8443/");
	canon("https://example.com/n?utm_source=rss&id=5&fbclid=abc&UTM_Medium=x", NULL,
	      "https://example.com/n?id=5");
	canon("https://example.com/n?utm_source=rss", NULL, "https://example.com/n");
	/* Persian in the path is percent-encoded the same way however it came */
	canon("https://example.ir/خبر/۱", NULL, "https://example.ir/%D8%AE%D8%A8%D8%B1/%DB%B1");
	canon("https://example.ir/%d8%ae%d8%a8%d8%b1/%DB%B1", NULL,
	      "https://example.ir/%D8%AE%D8%A8%D8%B1/%DB%B1");
	canon("  https://example.com/a b\n", NULL, "https://example.com/a%20b");
	/* relative links */
	canon("../x.html", "https://example.com/a/b/c.html", "https://example.com/a/x.html");
	canon("x.html", "https://example.com/a/", "https://example.com/a/x.html");
	canon("/y?q=1", "https://example.com/a/b", "https://example.com/y?q=1");
	canon("//cdn.example.com/z", "https://example.com/a", "https://cdn.example.com/z");
	canon("?p=2", "https://example.com/list?p=1", "https://example.com/list?p=2");
	canon("#top", "https://example.com/a?b=1", "https://example.com/a?b=1");
	/* only http and https */
	canon("file:///etc/passwd", NULL, NULL);
	canon("javascript:alert(1)", "https://example.com/", NULL);
	canon("ftp://example.com/", NULL, NULL);
	canon("https:///nohost", NULL, NULL);
	canon("https://example.com:99999/", NULL, NULL);
	canon("", NULL, NULL);
	char origin[64];
	assert_int_equal(kh_url_origin("https://example.com:8443/a/b", origin, sizeof origin), 0);
	assert_string_equal(origin, "https://example.com:8443");
}

static kh_robots *robots(const char *text)
{
	kh_robots *r = NULL;
	assert_int_equal(kh_robots_parse(text, strlen(text), "khabar", &r, NULL), KH_OK);
	return r;
}

static void robots_rules(void **state)
{
	(void)state;
	kh_robots *r = robots("User-agent: *\n"
	                      "Disallow: /private/\n"
	                      "Allow: /private/open\n"
	                      "Disallow: /*.pdf$\n"
	                      "Disallow: /search?\n"
	                      "Crawl-delay: 2.5\n"
	                      "Sitemap: https://example.com/sitemap.xml\n");
	assert_true(kh_robots_allowed(r, "/news/1.html"));
	assert_false(kh_robots_allowed(r, "/private/x.html"));
	assert_true(kh_robots_allowed(r, "/private/open.html")); /* the longer rule wins */
	assert_false(kh_robots_allowed(r, "/files/a.pdf"));
	assert_true(kh_robots_allowed(r, "/files/a.pdf?x=1")); /* $ anchors the end */
	assert_false(kh_robots_allowed(r, "/search?q=x"));
	assert_true(kh_robots_allowed(r, "/search"));
	assert_true(kh_robots_allowed(r, "/robots.txt"));
	assert_true(kh_robots_crawl_delay(r) > 2.4 && kh_robots_crawl_delay(r) < 2.6);
	size_t n = 0;
	const char *const *maps = kh_robots_sitemaps(r, &n);
	assert_int_equal(n, 1);
	assert_string_equal(maps[0], "https://example.com/sitemap.xml");
	kh_robots_free(r);

	/* a group naming us replaces the "*" groups; agent lines in a row share rules */
	r = robots("User-agent: *\nDisallow: /\n\n"
	           "User-agent: otherbot\nUser-agent: KHABAR/2.0\nDisallow: /tmp\n"
	           "# comment\nUser-agent: thirdbot\nDisallow: /news\n");
	assert_true(kh_robots_allowed(r, "/news/1"));
	assert_false(kh_robots_allowed(r, "/tmp/x"));
	assert_true(kh_robots_crawl_delay(r) < 0);
	kh_robots_free(r);

	/* a tie between Allow and Disallow of the same length: Allow */
	r = robots("user-agent: *\r\ndisallow: /a\r\nallow: /a\r\n");
	assert_true(kh_robots_allowed(r, "/a/b"));
	kh_robots_free(r);

	/* rules before any user-agent line, empty Disallow, junk lines: no effect */
	r = robots("Disallow: /\nUser-agent: *\nDisallow:\nthis is not a rule\n");
	assert_true(kh_robots_allowed(r, "/anything"));
	kh_robots_free(r);

	/* non-ASCII patterns match the percent-encoded paths of canonical URLs */
	r = robots("User-agent: *\nDisallow: /آرشیو\n");
	assert_false(kh_robots_allowed(r, "/%D8%A2%D8%B1%D8%B4%DB%8C%D9%88/1"));
	kh_robots_free(r);

	/* an empty file allows everything; so does no file (NULL) */
	r = robots("");
	assert_true(kh_robots_allowed(r, "/x"));
	kh_robots_free(r);
	assert_true(kh_robots_allowed(NULL, "/x"));
}

static void feed(const char *xml, const char *base, kh_feed *f, kh_status want)
{
	kh_error err = {0};
	kh_status rc = kh_feed_parse(xml, strlen(xml), base, f, &err);
	if (rc != want)
		fail_msg("got %d (%s), wanted %d", rc, err.message, want);
}

static void feeds(void **state)
{
	(void)state;
	kh_feed f;
	feed("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><ttl>15</ttl>"
	     "<item><title>a</title><link>https://ex.ir/n/1?utm_source=rss</link>"
	     "<pubDate>Sun, 26 Nov 2023 10:00:00 +0330</pubDate></item>"
	     "<item><guid>https://ex.ir/n/2</guid></item>"
	     "<item><guid isPermaLink=\"false\">tag:2</guid></item>"
	     "<item><link>/n/3</link></item>"
	     "<item><link>javascript:x</link></item></channel></rss>",
	     "https://ex.ir/feed", &f, KH_OK);
	assert_int_equal(f.kind, KH_FEED_RSS);
	assert_int_equal(f.ttl_minutes, 15);
	assert_int_equal(f.nlinks, 3);
	assert_string_equal(f.links[0].url, "https://ex.ir/n/1");
	assert_string_equal(f.links[0].date, "Sun, 26 Nov 2023 10:00:00 +0330");
	assert_string_equal(f.links[1].url, "https://ex.ir/n/2");
	assert_string_equal(f.links[2].url, "https://ex.ir/n/3");
	assert_false(f.links[0].is_feed);
	kh_feed_clear(&f);

	feed("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://ex.ir/fa/\">"
	     "<entry><link rel=\"enclosure\" href=\"/img.jpg\"/><link href=\"n/1\"/>"
	     "<updated>2023-11-26T10:00:00Z</updated></entry></feed>",
	     "https://other.example/atom", &f, KH_OK);
	assert_int_equal(f.kind, KH_FEED_ATOM);
	assert_int_equal(f.nlinks, 1);
	assert_string_equal(f.links[0].url, "https://ex.ir/fa/n/1");
	kh_feed_clear(&f);

	feed("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
	     "<sitemap><loc>https://ex.ir/s1.xml</loc></sitemap></sitemapindex>",
	     NULL, &f, KH_OK);
	assert_int_equal(f.kind, KH_FEED_SITEMAP_INDEX);
	assert_int_equal(f.nlinks, 1);
	assert_true(f.links[0].is_feed);
	kh_feed_clear(&f);

	feed("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
	     "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\" "
	     "xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">"
	     "<url><loc> https://ex.ir/n/9 </loc><image:image><image:loc>https://ex.ir/i.jpg"
	     "</image:loc></image:image><news:news><news:publication_date>2023-11-26"
	     "</news:publication_date></news:news></url></urlset>",
	     NULL, &f, KH_OK);
	assert_int_equal(f.kind, KH_FEED_SITEMAP);
	assert_int_equal(f.nlinks, 1);
	assert_string_equal(f.links[0].url, "https://ex.ir/n/9");
	assert_string_equal(f.links[0].date, "2023-11-26");
	kh_feed_clear(&f);

	/* malformed XML fails and keeps nothing; other XML is not a feed */
	feed("<rss><channel><item><link>https://ex.ir/1</link></item></chanel></rss>", NULL, &f,
	     KH_ERR_PARSE);
	assert_int_equal(f.nlinks, 0);
	feed("<html><body>x</body></html>", NULL, &f, KH_OK);
	assert_int_equal(f.kind, KH_FEED_NONE);
	feed("", NULL, &f, KH_ERR_PARSE);
	/* entities are never expanded: a billion laughs fails fast, an external entity
	 * is not read */
	feed("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
	     "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
	     "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
	     "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e "
	     "\"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
	     "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g "
	     "\"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
	     "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i "
	     "\"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">"
	     "]><rss><channel><item><link>https://ex.ir/&i;</link></item></channel></rss>",
	     NULL, &f, KH_ERR_PARSE);
	kh_error err = {0};
	const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
	                  "\"file:///etc/hostname\">]><rss><channel><item><link>https://ex.ir/&x;"
	                  "</link></item></channel></rss>";
	if (kh_feed_parse(xxe, strlen(xxe), NULL, &f, &err) == KH_OK) {
		for (size_t i = 0; i < f.nlinks; i++)
			assert_string_equal(f.links[i].url, "https://ex.ir/");
		kh_feed_clear(&f);
	}
}

static void discovery(void **state)
{
	(void)state;
	const char *html = "<html><head><base href=\"https://ex.ir/fa/\">"
	                   "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"rss\">"
	                   "<link rel=\"Alternate\" type=\"application/atom+xml\" href=\"/atom\">"
	                   "<link rel=\"stylesheet\" href=\"/s.css\">"
	                   "<link rel=\"alternate\" hreflang=\"en\" href=\"/en\">"
	                   "</head><body><link rel=alternate type=application/rss+xml "
	                   "href=/ignored></body></html>";
	kh_feed f;
	assert_int_equal(kh_feed_discover(html, strlen(html), "https://ex.ir/", &f, NULL), KH_OK);
	assert_int_equal(f.kind, KH_FEED_HTML);
	assert_int_equal(f.nlinks, 2);
	assert_string_equal(f.links[0].url, "https://ex.ir/fa/rss");
	assert_string_equal(f.links[1].url, "https://ex.ir/atom");
	assert_true(f.links[0].is_feed);
	kh_feed_clear(&f);
	assert_int_equal(kh_feed_discover("<p>x</p>", 8, "https://ex.ir/", &f, NULL), KH_OK);
	assert_int_equal(f.kind, KH_FEED_NONE);
}

static void frontier(void **state)
{
	(void)state;
	char path[] = "/tmp/khabar-frontier-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	kh_frontier *f = NULL;
	assert_int_equal(kh_frontier_open(path, &f, NULL), KH_OK);
	const char *o = "https://ex.ir";
	assert_int_equal(kh_frontier_add(f, "https://ex.ir/1", o, KH_PAGE, 0, 0), 1);
	assert_int_equal(kh_frontier_add(f, "https://ex.ir/1", o, KH_PAGE, 0, 0), 0);
	assert_int_equal(kh_frontier_add(f, "https://ex.ir/2", o, KH_PAGE, 100, 0), 1);
	kh_url_row rows[4];
	size_t n = 0;
	double wake = 0;
	assert_int_equal(kh_frontier_take(f, o, 50, rows, 4, &n, &wake), 0);
	assert_int_equal(n, 1); /* /2 is not due before 100 */
	assert_string_equal(rows[0].url, "https://ex.ir/1");
	assert_true(wake == 100);
	long long id = rows[0].id;
	kh_url_row_clear(&rows[0]);
	/* a killed run: the row in flight is queued again when the state reopens */
	kh_frontier_close(f);
	assert_int_equal(kh_frontier_open(path, &f, NULL), KH_OK);
	assert_int_equal(kh_frontier_take(f, o, 50, rows, 4, &n, &wake), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, id);
	kh_url_row_clear(&rows[0]);
	assert_int_equal(kh_frontier_set(f, id, KH_DONE, 0, 0, 200, NULL, "\"e1\"", NULL), 0);
	assert_int_equal(kh_frontier_hash_put(f, 42, id), 0);
	assert_int_equal(kh_frontier_hash_get(f, 42), id);
	assert_int_equal(kh_frontier_hash_get(f, 43), 0);
	/* a done URL made due again keeps its validators for a conditional GET */
	assert_int_equal(kh_frontier_add(f, "https://ex.ir/1", o, KH_PAGE, 0, 1), 0);
	assert_int_equal(kh_frontier_take(f, o, 50, rows, 4, &n, &wake), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].etag, "\"e1\"");
	kh_url_row_clear(&rows[0]);
	double earliest = 0;
	assert_int_equal(kh_frontier_queued(f, &earliest), 1);
	assert_true(earliest == 100);
	/* a redirect's target remembers how many redirects led to it */
	assert_int_equal(kh_frontier_add_redirect(f, "https://ex.ir/3", o, KH_PAGE, 0, 2), 1);
	assert_int_equal(kh_frontier_add_redirect(f, "https://ex.ir/3", o, KH_PAGE, 0, 3), 0);
	assert_int_equal(kh_frontier_take(f, o, 50, rows, 4, &n, &wake), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].url, "https://ex.ir/3");
	assert_int_equal(rows[0].hops, 2);
	kh_url_row_clear(&rows[0]);
	kh_frontier_close(f);
	unlink(path);
	char side[64];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	/* a state made before redirects were queued (no hops column) opens and works */
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(
	        sqlite3_exec(db,
	                     "CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT NOT NULL "
	                     "UNIQUE, origin TEXT NOT NULL, kind INTEGER NOT NULL, state "
	                     "INTEGER NOT NULL DEFAULT 0, next_at REAL NOT NULL DEFAULT 0, "
	                     "tries INTEGER NOT NULL DEFAULT 0, status INTEGER, error TEXT, "
	                     "etag TEXT, last_modified TEXT, fetched_at REAL);"
	                     "INSERT INTO urls(url, origin, kind) VALUES ('https://ex.ir/9', "
	                     "'https://ex.ir', 0);",
	                     NULL, NULL, NULL),
	        SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(kh_frontier_open(path, &f, NULL), KH_OK);
	assert_int_equal(kh_frontier_take(f, o, 50, rows, 4, &n, &wake), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].hops, 0);
	kh_url_row_clear(&rows[0]);
	kh_frontier_close(f);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	kh_error err = {0};
	assert_int_equal(kh_frontier_open("/nonexistent/dir/state", &f, &err), KH_ERR_IO);
	assert_non_null(strstr(err.message, "/nonexistent/dir/state"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(urls),     cmocka_unit_test(robots_rules),
	        cmocka_unit_test(feeds),    cmocka_unit_test(discovery),
	        cmocka_unit_test(frontier),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
