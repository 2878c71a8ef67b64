/* test_source.c — who a page credits: agency names and lists of them, «منبع» lines,
 * closing credit sentences, credit boxes, author fields, a news organization's own
 * story. Every page here is made up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/khabar.h"
#include "html/metadata.h"

static kh_article *page(const char *head, const char *body)
{
	char html[8192];
	snprintf(html, sizeof html,
	         "<html><head>%s</head><body><div class='nav'><a href='/'>خانه</a> <a "
	         "href='/s'>سیاسی</a></div>%s</body></html>",
	         head, body);
	kh_article *a = NULL;
	assert_int_equal(kh_extract_html(html, strlen(html), NULL, &a, NULL), KH_OK);
	assert_non_null(a);
	return a;
}

/* A made-up article body of two paragraphs, then `tail` inside the same container. */
#define BODY(tail)                                                                                                                                    \
	"<div class='story'><p>وزیر راه امروز در جمع خبرنگاران گفت که ساخت این بزرگراه تا پایان " \
	"سال آینده به پایان می‌رسد و هزینه آن از محل بودجه عمرانی تامین شده "                   \
	"است.</p><p>او "                                                                                                                         \
	"افزود که در این طرح بیش از دو هزار نفر به کار گرفته شده‌اند و بخش نخست آن در "    \
	"بهار "                                                                                                                                   \
	"گشایش می‌یابد.</p>" tail "</div>"

static void expect(kh_article *a, const char *agency, const char *more)
{
	if (!agency) {
		if (a->agency)
			fail_msg("agency «%s», none wanted", a->agency);
	} else if (!a->agency || strcmp(a->agency, agency)) {
		fail_msg("agency «%s», «%s» wanted", a->agency ? a->agency : "(null)", agency);
	}
	if (!more) {
		assert_int_equal(a->nagencies, 0);
	} else {
		assert_int_equal(a->nagencies, 1);
		assert_string_equal(a->agencies[0], more);
	}
	kh_article_free(a);
}

#define AFP     "خبرگزاری فرانسه (فرانس‌پرس)"
#define AP      "خبرگزاری آسوشیتدپرس (اسوشیتدپرس)"
#define REUTERS "خبرگزاری رویترز"
#define ISNA    "خبرگزاری دانشجویان ایران (ایسنا)"
#define MEHR    "خبرگزاری مهر"

static void lists_of_agencies(void **state)
{
	(void)state;
	struct {
		const char *in, *first, *second;
	} cases[] = {{"فرانس‌پرس و رویترز", AFP, REUTERS},
	             {"خبرگزاری‌های فرانسه و آسوشیتدپرس", AFP, AP},
	             {"خبرگزاریهای رویترز و فرانسه", REUTERS, AFP},
	             {"منابع: رويترز، بی بی سی", REUTERS, "بی‌بی‌سی"},
	             {"ایسنا و مهر", ISNA, MEHR},
	             {"اسوشیتدپرس", AP, NULL},
	             {"طلوع نیوز", "طلوع‌نیوز", NULL},
	             {"آژانس خبری پژواک", "آژانس خبری پژواک", NULL},
	             {"پژواک", "آژانس خبری پژواک", NULL},
	             {"صدای آمریکا", "صدای امریکا", NULL},
	             {"مهر ماه", NULL, NULL},
	             {"استانداری فارس", NULL, NULL},
	             {"خبرنگار ما در کابل", NULL, NULL},
	             {NULL, NULL, NULL}};
	for (int i = 0; cases[i].in; i++) {
		char *names[4] = {0};
		int n = kh_agencies_in(cases[i].in, strlen(cases[i].in), names, 4);
		int want = !!cases[i].first + !!cases[i].second;
		if (n != want || (n > 0 && strcmp(names[0], cases[i].first)) ||
		    (n > 1 && strcmp(names[1], cases[i].second)))
			fail_msg("«%s»: %d names, «%s»", cases[i].in, n, n > 0 ? names[0] : "");
		for (int k = 0; k < n; k++)
			free(names[k]);
	}
}

static void closing_credit_lines(void **state)
{
	(void)state;
	expect(page("", BODY("<p>در تهیه این گزارش از خبرگزاری رویترز استفاده شده است.</p>")),
	       REUTERS, NULL);
	expect(page("", BODY("<p>در تهیه این گزارش از خبرگزاری‌های فرانسه و آسوشیتدپرس "
	                     "استفاده "
	                     "شده است.</p>")),
	       AFP, AP);
	expect(page("", BODY("<p>این گزارش با استفاده از گزارش شینهوا تهیه شده است.</p>")),
	       "خبرگزاری شینهوا", NULL);
	expect(page("", BODY("<p>منبع خبر: ایسنا</p>")), ISNA, NULL);
	expect(page("", BODY("<p>منبع: خبرگزاری مهر</p>")), MEHR, NULL);
	expect(page("", BODY("<p>منبع: رویترز و بی‌بی‌سی</p>")), REUTERS,
	       "بی‌بی‌سی");
	/* a photo credit is not the article's, nor a «منبع» that is a source in the text */
	expect(page("", BODY("<p>منبع عکس: ایسنا</p><p>یک منبع آگاه: مهر امسال گشایش "
	                     "می‌یابد.</p>")),
	       NULL, NULL);
}

static void credit_boxes_and_authors(void **state)
{
	(void)state;
	/* a credit box with its own class, outside the body, without a label */
	expect(page("", BODY("") "<span class='news-source'>ایرنا</span>"),
	       "خبرگزاری جمهوری اسلامی (ایرنا)", NULL);
	expect(page("", "<p class='byline'>خبرنگار: سارا کامیاب - خبرگزاری مهر</p>" BODY("")), MEHR,
	       NULL);
	/* author fields naming agencies; a person's name names none */
	expect(page("<meta name='author' content='رویترز, فرانس‌پرس'>", BODY("")),
	       REUTERS, AFP);
	expect(page("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":"
	            "{\"@type\":\"Organization\",\"name\":\"آسوشیتد پرس\"}}</script>",
	            BODY("")),
	       AP, NULL);
	expect(page("", "<div class='meta'><a rel='author' href='/u/1'>ایلنا</a></div>" BODY("")),
	       "خبرگزاری کار ایران (ایلنا)", NULL);
	expect(page("<meta name='author' content='سارا کامیاب'>", BODY("")), NULL, NULL);
	/* a credit inside the comments is a reader's, not the page's */
	expect(page("", BODY("") "<div class='comments'><div class='comment-author'>ایسنا</div><p>"
	                         "نظر من این است که این طرح دیر شده و باید زودتر شروع "
	                         "می‌شد.</p></div>"),
	       NULL, NULL);
}

static void own_stories(void **state)
{
	(void)state;
	/* a broadcaster's own story: nobody else credited */
	expect(page("<meta property='og:site_name' content='صدای امریکا'>", BODY("")),
	       "صدای امریکا", NULL);
	/* the publisher is a news organization by its JSON-LD type */
	expect(page("<meta property='og:site_name' content='آفتاب نو'><script "
	            "type='application/"
	            "ld+json'>{\"@type\":\"NewsArticle\",\"publisher\":{\"@type\":"
	            "\"NewsMediaOrganization\",\"name\":\"آفتاب نو\"}}</script>",
	            BODY("")),
	       "آفتاب نو", NULL);
	/* a newspaper by its name in the <title> */
	expect(page("<title>وزیر راه: بزرگراه سال آینده تمام می‌شود | روزنامه آفتاب "
	            "نو</title><meta "
	            "property='og:site_name' content='آفتاب نو'>",
	            "<h1>وزیر راه: بزرگراه سال آینده تمام "
	            "می‌شود</h1>" BODY("")),
	       "روزنامه آفتاب نو", NULL);
	/* the site's own byline yields to a credit in the text */
	expect(page("<meta property='og:site_name' content='صدای امریکا'><meta name='author' "
	            "content='صدای امریکا'>",
	            "<div class='story'><p>به گزارش خبرگزاری فرانسه، وزیر راه امروز در جمع "
	            "خبرنگاران "
	            "گفت که ساخت این بزرگراه تا پایان سال آینده به پایان می‌رسد.</p><p>او افزود "
	            "که "
	            "در این طرح بیش از دو هزار نفر به کار گرفته شده‌اند و بخش نخست آن در "
	            "بهار "
	            "گشایش می‌یابد.</p></div>"),
	       AFP, NULL);
	/* a blog is not a news organization */
	expect(page("<meta property='og:site_name' content='یادداشت‌های من'>",
	            BODY("")),
	       NULL, NULL);
}

static void record_lists_more_agencies(void **state)
{
	(void)state;
	kh_article *a = page("", BODY("<p>منابع: فرانس پرس، رویترز</p>"));
	char *json = kh_article_to_json(a, 0, NULL);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"agencies\":[\"خبرگزاری رویترز\"]"));
	free(json);
	kh_article_free(a);
	a = page("", BODY(""));
	json = kh_article_to_json(a, 0, NULL);
	assert_non_null(strstr(json, "\"agencies\":[]"));
	free(json);
	kh_article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(lists_of_agencies),
	        cmocka_unit_test(closing_credit_lines),
	        cmocka_unit_test(credit_boxes_and_authors),
	        cmocka_unit_test(own_stories),
	        cmocka_unit_test(record_lists_more_agencies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
