/* test_extract.c — article records from pages: the seed article (both
 * encodings), a table-layout portal, a lead before the body, a page with no
 * article, plain text, and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/khabar.h"
#include "persian/fold.h"
#include "html/metadata.h"

static char *slurp(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", KH_FIXTURES, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static kh_article *extract(const char *name)
{
	size_t len;
	char *html = slurp(name, &len);
	kh_article *a = NULL;
	kh_error err = {0};
	assert_int_equal(kh_extract_html(html, len, NULL, &a, &err), KH_OK);
	free(html);
	assert_non_null(a);
	return a;
}

/* Is `needle` in `hay` once both are folded (ي/ی, ZWNJ, spacing)? */
static int has(const char *hay, const char *needle)
{
	char *h = kh_fold_dup(hay), *n = kh_fold_dup(needle);
	int yes = h && n && strstr(h, n) != NULL;
	free(h);
	free(n);
	return yes;
}

static void check_seed(kh_article *a)
{
	assert_non_null(a->title);
	assert_true(has(a->title, "تخلف وزارت صمت در ارائه ناقص خدمات در پنجره ملی"));
	assert_false(has(a->title, "اتحادیه")); /* no site name */
	assert_true(has(a->text, "وزارت صنعت، معدن و تجارت از جمله دستگاههای اجرایی است که"));
	assert_true(has(a->text, "عملکرد ۳۶ درصدی در اجرای قانونی داشت"));
	static const char *const junk[] = {"Leave a Reply",
	                                   "Your email address",
	                                   "Proudly powered",
	                                   "آخرین نوشته‌ها",
	                                   "نوشته قبلی",
	                                   "افزایش ۲۵ درصدی صادرات محصولات پلیمری",
	                                   "سهم ۴۰ درصدی واحدهای کوچک",
	                                   "برچسب‌ها",
	                                   "بیش از ۱۲۰ واحد عضو",
	                                   "صفحه اصلی",
	                                   "ارسال شده در",
	                                   NULL};
	for (int i = 0; junk[i]; i++)
		if (has(a->text, junk[i]))
			fail_msg("text keeps «%s»", junk[i]);
	/* paragraphs survive */
	assert_non_null(strstr(a->text, "\n\n"));
	assert_null(strstr(a->text, "\n\n\n"));
	assert_non_null(a->published);
	assert_string_equal(a->published->iso, "2023-11-26");
	assert_string_equal(a->published->jalali, "1402-09-05");
	assert_non_null(a->agency);
	assert_string_equal(a->agency, "خبرگزاری تسنیم");
	assert_non_null(a->via);
	assert_true(has(a->via, "روابط عمومی اتحادیه صنایع شیمیایی و پلیمری شهرستان پردیس"));
	assert_non_null(a->site);
	assert_true(has(a->site, "اتحادیه صنایع شیمیایی و پلیمری شهرستان پردیس"));
	assert_non_null(a->url);
	assert_non_null(strstr(a->url, "violation-samt-national-window"));
}

static void seed_utf8(void **state)
{
	(void)state;
	kh_article *a = extract("seed-article.html");
	check_seed(a);
	assert_string_equal(a->charset, "utf-8");
	assert_string_equal(a->published->raw, "۵ آذر ۱۴۰۲");
	kh_article_free(a);
}

static void seed_cp1256(void **state)
{
	(void)state;
	kh_article *a = extract("seed-article.cp1256.html");
	check_seed(a);
	assert_string_equal(a->charset, "windows-1256");
	kh_article_free(a);
}

static void table_layout_portal(void **state)
{
	(void)state;
	kh_article *a = extract("news-table-layout.html");
	assert_string_equal(a->title, "افتتاح خط دوم قطار شهری تبریز تا پایان سال");
	assert_true(has(a->text, "شهردار تبریز از آماده شدن هفت ایستگاه"));
	assert_true(has(a->text, "۸۵ درصد عملیات ریل گذاری"));        /* <font> after <br><br> */
	assert_true(has(a->text, "پیمانکار متعهد به تحویل به موقع")); /* after the photo */
	assert_false(has(a->text, "عکس: واحد عکس"));                  /* inline caption */
	assert_false(has(a->text, "نظرسنجی"));
	assert_false(has(a->text, "امیدوارم این بار")); /* user comment */
	assert_false(has(a->text, "قیمت طلا"));
	assert_false(has(a->text, "کلیه حقوق"));
	assert_false(has(a->text, "برچسب"));
	assert_false(has(a->text, "منبع"));
	assert_non_null(a->published); /* from the visible «تاریخ انتشار» line */
	assert_string_equal(a->published->jalali, "1402-07-18");
	assert_string_equal(a->published->iso, "2023-10-10");
	assert_string_equal(a->agency,
	                    "خبرگزاری جمهوری اسلامی (ایرنا)"); /* «منبع: خبرگزاري ايرنا» */
	assert_string_equal(a->site,
	                    "پرتال خبری نمونه"); /* the <title> part that is not the headline */
	kh_article_free(a);
}

static void lead_before_body(void **state)
{
	(void)state;
	kh_article *a = extract("news-lead.html");
	assert_string_equal(a->title, "کشف محموله بزرگ کالای قاچاق در بندرعباس");
	/* the lead comes first, the kicker «گمرک» and the caption not at all */
	assert_true(!strncmp(a->text, "فرمانده انتظامی هرمزگان از کشف",
	                     strlen("فرمانده انتظامی هرمزگان از کشف")));
	assert_false(has(a->text, "گمرک"));
	assert_false(has(a->text, "عکس تزئینی"));
	assert_false(has(a->text, "بیشتر بخوانید"));
	assert_false(has(a->text, "کانال تلگرام"));
	assert_false(has(a->text, "توقیف خودروی"));
	assert_true(has(a->text, "سامانه ۱۱۰ به پلیس اطلاع دهند"));
	/* 23:40 on 15 March 2021 in Tehran; 1399 was a leap year */
	assert_string_equal(a->published->iso, "2021-03-15");
	assert_string_equal(a->published->jalali, "1399-12-25");
	assert_string_equal(a->agency, "خبرگزاری مهر"); /* credited in the text, not the site */
	assert_string_equal(a->site, "خبرگزاری نمونه");
	assert_null(a->via);
	kh_article_free(a);
}

static void page_without_article(void **state)
{
	(void)state;
	kh_article *a = extract("no-article.html");
	assert_int_equal(a->text_len, 0);
	assert_string_equal(a->text, "");
	assert_null(a->published);
	char *json = kh_article_to_json(a, 0, NULL);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"text\":\"\""));
	assert_non_null(strstr(json, "\"statements\":[]"));
	free(json);
	kh_article_free(a);
}

static void plain_text_verbatim(void **state)
{
	(void)state;
	size_t len;
	char *txt = slurp("plain.txt", &len);
	kh_article *a = NULL;
	assert_int_equal(kh_extract_text(txt, len, NULL, &a, NULL), KH_OK);
	assert_int_equal(a->text_len, len);
	assert_memory_equal(a->text, txt, len);
	assert_string_equal(a->agency, "خبرگزاری دانشجویان ایران (ایسنا)");
	assert_null(a->title);
	kh_article_free(a);
	free(txt);
}

static void bad_inputs(void **state)
{
	(void)state;
	kh_article *a = NULL;
	kh_error err = {0};
	assert_int_equal(kh_extract_html("", 0, NULL, &a, &err), KH_ERR_EMPTY);
	assert_null(a);
	assert_int_equal(kh_extract_html(" \n\t ", 4, NULL, &a, &err), KH_ERR_EMPTY);
	assert_int_equal(kh_extract_text("", 0, NULL, &a, &err), KH_ERR_EMPTY);
	kh_extract_options o = {.max_bytes = 10};
	assert_int_equal(kh_extract_html("<p>سلام دنیا</p>", 20, &o, &a, &err), KH_ERR_TOO_BIG);
	assert_non_null(strstr(err.message, "limit"));
	/* markup with no text at all is a page without an article */
	assert_int_equal(
	        kh_extract_html("<html><body><div></div></body></html>", 37, NULL, &a, &err),
	        KH_OK);
	assert_int_equal(a->text_len, 0);
	kh_article_free(a);
	/* text outside any markup */
	assert_int_equal(kh_extract_html("just words, no tags at all here.", 32, NULL, &a, &err),
	                 KH_OK);
	kh_article_free(a);
}

static void deep_nesting(void **state)
{
	(void)state;
	size_t n = 100000, unit = 5;
	char *html = malloc(n * 11 + 64);
	assert_non_null(html);
	size_t k = 0;
	for (size_t i = 0; i < n; i++, k += unit)
		memcpy(html + k, "<div>", unit);
	memcpy(html + k, "متن", 6);
	k += 6;
	for (size_t i = 0; i < n; i++, k += 6)
		memcpy(html + k, "</div>", 6);
	kh_article *a = NULL;
	assert_int_equal(kh_extract_html(html, k, NULL, &a, NULL), KH_OK);
	kh_article_free(a);
	free(html);
}

static void visible_jalali_dates(void **state)
{
	(void)state;
	kh_ymd j;
	size_t s, e;
	const char *t = "یکشنبه ۲۲ اسفند ۱۳۹۵ - ۰۹:۴۶";
	assert_int_equal(kh_find_jalali_date(t, strlen(t), &j, &s, &e), 1);
	assert_int_equal(j.year, 1395);
	assert_int_equal(j.month, 12);
	assert_int_equal(j.day, 22);
	assert_memory_equal(t + s, "۲۲ اسفند ۱۳۹۵", e - s);
	t = "تاریخ انتشار: 1398/11/06 - 07:16";
	assert_int_equal(kh_find_jalali_date(t, strlen(t), &j, &s, &e), 1);
	assert_int_equal(j.month, 11);
	t = "۵ آذرماه ۱۴۰۲";
	assert_int_equal(kh_find_jalali_date(t, strlen(t), &j, &s, &e), 1);
	assert_int_equal(j.month, 9);
	t = "3 ارديبهشت ماه 1396"; /* Arabic yeh, «ماه» apart */
	assert_int_equal(kh_find_jalali_date(t, strlen(t), &j, &s, &e), 1);
	assert_int_equal(j.month, 2);
	assert_int_equal(j.year, 1396);
	t = "۱۲ مهر"; /* no year: not a full date */
	assert_int_equal(kh_find_jalali_date(t, strlen(t), &j, &s, &e), 0);
	t = "2023/11/26";
	assert_int_equal(kh_find_jalali_date(t, strlen(t), &j, &s, &e), 0);
}

static void agency_names(void **state)
{
	(void)state;
	struct {
		const char *in, *want;
	} cases[] = {{"تسنیم", "خبرگزاری تسنیم"},
	             {"خبرگزاري تسنيم", "خبرگزاری تسنیم"},
	             {"گروه اقتصادی خبرگزاری فارس", "خبرگزاری فارس"},
	             {"خبرگزاری فارس از قم", "خبرگزاری فارس"},
	             {"ايسنا", "خبرگزاری دانشجویان ایران (ایسنا)"},
	             {"خبرنگار اجتماعی ایرنا", "خبرگزاری جمهوری اسلامی (ایرنا)"},
	             {"مهر", "خبرگزاری مهر"},
	             {"باشگاه خبرنگاران جوان", "باشگاه خبرنگاران جوان"},
	             {NULL, NULL}};
	for (int i = 0; cases[i].in; i++) {
		char *c = kh_agency_canonical(cases[i].in, 0);
		if (!c || strcmp(c, cases[i].want))
			fail_msg("«%s» gave «%s»", cases[i].in, c ? c : "(null)");
		free(c);
	}
	/* ambiguous names count only where the credit starts with them */
	assert_null(kh_agency_canonical("استانداری فارس", 0));
	assert_null(kh_agency_canonical("روابط عمومی سازمان", 0));
	assert_null(kh_agency_canonical("اول مهر ماه", 0));
}

static kh_article *extract_str(const char *html)
{
	kh_article *a = NULL;
	assert_int_equal(kh_extract_html(html, strlen(html), NULL, &a, NULL), KH_OK);
	return a;
}

static void agency_rules(void **state)
{
	(void)state;
	/* the page's «منبع: X» line outranks the text's credit phrases */
	kh_article *a = extract_str("<html><body><div class='body'><p>به گزارش خبرنگار ما به نقل "
	                            "از رویترز، رئیس‌جمهور "
	                            "آمریکا امروز در سفری دو روزه وارد منطقه شد و با مقامات محلی "
	                            "گفت‌وگو کرد.</p></div>"
	                            "<div class='src'>منبع: ايسنا</div><div>نقل مطالب با ذکر منبع "
	                            "مجاز است.</div></body></html>");
	assert_string_equal(a->agency, "خبرگزاری دانشجویان ایران (ایسنا)");
	kh_article_free(a);
	/* «منبع» without a colon is not a source line; Tasnim's youth club is not YJC */
	a = extract_str(
	        "<html><body><p>به گزارش خبرنگار فرهنگی باشگاه خبرنگاران تسنیم «پویا»، مراسم "
	        "بزرگداشت این استاد دانشگاه دیروز با حضور اساتید فلسفه برگزار شد و سخنرانان از او "
	        "یاد کردند.</p><div>نقل مطالب با ذکر منبع مجاز است.</div></body></html>");
	assert_string_equal(a->agency, "باشگاه خبرنگاران پویا (تسنیم)");
	kh_article_free(a);
	/* no credit anywhere, and the site is not an agency: no agency */
	a = extract_str(
	        "<html><head><meta property='og:site_name' content='وبلاگ من'></head><body><p>"
	        "امروز هوا آفتابی بود و ما برای پیاده‌روی به "
	        "کوه "
	        "رفتیم "
	        "و "
	        "تا "
	        "ظهر "
	        "آنجا "
	        "ماندیم "
	        "و "
	        "برگشتیم.</p></body></html>");
	assert_null(a->agency);
	assert_string_equal(a->site, "وبلاگ من");
	kh_article_free(a);
}

/* The publication day of a made-up page with `head` and `body`: "ISO JALALI", or "-". */
static void day_of(const char *head, const char *body, const char *want)
{
	char html[4096];
	snprintf(html, sizeof html,
	         "<html%s<body>%s<div class='story'><p>وزیر راه امروز در جمع خبرنگاران گفت که "
	         "ساخت این بزرگراه تا پایان سال آینده به پایان می‌رسد و هزینه آن از "
	         "محل "
	         "بودجه "
	         "تامین شده است.</p></div></body></html>",
	         head, body);
	kh_article *a = extract_str(html);
	char got[32] = "-";
	if (a->published)
		snprintf(got, sizeof got, "%s %s", a->published->iso, a->published->jalali);
	if (strcmp(got, want))
		fail_msg("«%s%s»: %s, %s wanted", head, body, got, want);
	kh_article_free(a);
}

static void afghan_pages(void **state)
{
	(void)state;
	kh_ymd j;
	size_t s, e;
	const char *t = "۱۸ حمل ۱۳۹۸";
	assert_int_equal(kh_find_jalali_date(t, strlen(t), &j, &s, &e), 1);
	assert_int_equal(j.month, 1);
	/* 19:50 UTC is 00:20 the next day in Kabul, 23:20 the same day in Tehran */
	const char *ld = "<head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
	                 "\"datePublished\":\"2024-04-02 19:50:00Z\"}</script></head>";
	char head[512];
	snprintf(head, sizeof head, " lang='fa-AF'>%s", ld);
	day_of(head, "", "2024-04-03 1403-01-15");
	snprintf(head, sizeof head, " lang='fa'>%s", ld);
	day_of(head, "", "2024-04-02 1403-01-14");
	/* an instant written at +04:30 after Iran's summer time ended is Kabul's */
	day_of("><head><meta property='article:published_time' content='2024-04-03T00:20:00+04:30'>"
	       "</head>",
	       "", "2024-04-03 1403-01-15");
	/* the Afghan month in an inline date-like element */
	day_of(">", "<div class='meta'><span class='post-date'>۱۸ حمل ۱۳۹۸</span></div>",
	       "2019-04-07 1398-01-18");
	/* «۳ ساعت پیش» counted back from the page's modification time */
	day_of(" lang='prs'><head><meta property='article:modified_time' "
	       "content='2024-04-03T02:00:00+04:30'></head>",
	       "<span class='post-date'>۳ ساعت پیش</span>", "2024-04-02 1403-01-14");
	day_of("><head><meta property='article:modified_time' content='2024-04-03T02:00:00+03:30'>"
	       "</head>",
	       "<span class='time'>45 minutes ago</span>", "2024-04-03 1403-01-15");
}

#define PARA1                                                                                                                                     \
	"وزیر راه امروز در جمع خبرنگاران گفت که ساخت این بزرگراه تا پایان سال آینده " \
	"به پایان می‌رسد و هزینه آن از محل بودجه عمرانی کشور تامین شده "                        \
	"است."
#define PARA2                                                                                                                                 \
	"او افزود که در این طرح بیش از دو هزار نفر به کار گرفته شده‌اند و بخش نخست " \
	"آن "                                                                                                                               \
	"در بهار سال آینده با حضور مقامات استان گشایش "                                                   \
	"می‌یابد."
#define PARA3                                                                                                                                   \
	"به گفته او، مطالعات بخش دوم این طرح نیز به پایان رسیده و قرارداد آن تا چند " \
	"ماه دیگر با پیمانکار امضا می‌شود."
#define HEADLINE "بزرگراه شمال تا سال آینده تمام می‌شود"

/* Article text delivered in scripts, as a reader with scripts on sees it. */
static void text_in_scripts(void **state)
{
	(void)state;
	/* a Next.js page: a skeleton, and the text in __NEXT_DATA__ */
	kh_article *a = extract_str(
	        "<html><body><div id='__next'><nav><a href='/'>خانه</a></nav><h1>" HEADLINE
	        "</h1><div class='skeleton'></div></div><script id='__NEXT_DATA__' "
	        "type='application/"
	        "json'>{\"props\":{\"pageProps\":{\"article\":{\"title\":\"" HEADLINE
	        "\",\"lead\":\"گزارش خبرنگار از آخرین وضعیت طرح\",\"body\":\"<p>" PARA1
	        "</p><p>" PARA2 "</p><p>" PARA3
	        "</p>\"},\"related\":[{\"title\":\"خبر دیگر\"}]}}}</script></body></html>");
	assert_string_equal(a->text,
	                    "گزارش خبرنگار از آخرین وضعیت طرح\n\n" PARA1 "\n\n" PARA2 "\n\n" PARA3);
	kh_article_free(a);
	/* the JSON-LD articleBody of a page that shows only a teaser */
	a = extract_str("<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
	                "\"headline\":\"" HEADLINE "\",\"articleBody\":\"" PARA1 "\\n\\n" PARA2
	                "\\n" PARA3 "\"}</script></head><body><h1>" HEADLINE
	                "</h1><p class='teaser'>"
	                "وزیر راه امروز در جمع خبرنگاران سخن گفت.</p><a href='/more'>ادامه مطلب</a>"
	                "</body></html>");
	assert_string_equal(a->text, PARA1 "\n\n" PARA2 "\n\n" PARA3);
	kh_article_free(a);
	/* the text rendered on the page and also in the blob: taken once */
	a = extract_str("<html><body><h1>" HEADLINE "</h1><div class='body'><p>" PARA1
	                "</p><p>" PARA2 "</p><p>" PARA3
	                "</p></div><script id='__NEXT_DATA__' type='application/json'>"
	                "{\"article\":{\"title\":\"" HEADLINE "\",\"body\":\"<p>" PARA1
	                "</p><p>" PARA2 "</p><p>" PARA3 "</p>\"}}</script></body></html>");
	assert_string_equal(a->text, PARA1 "\n\n" PARA2 "\n\n" PARA3);
	kh_article_free(a);
	/* a blob that does not carry the headline is another item's, not this article */
	a = extract_str(
	        "<html><body><h1>" HEADLINE "</h1><div class='skeleton'></div>"
	        "<script type='application/json'>{\"item\":{\"title\":\"خبر دیگر\",\"body\":"
	        "\"<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>\"}}</script></body></html>");
	assert_false(has(a->text, "گشایش می‌یابد"));
	kh_article_free(a);
	/* the article in <noscript> behind a lazy loader; the notices and pixels of other
	 * <noscript>s stay out */
	a = extract_str("<html><body><noscript><iframe src='https://tags.example/ns'></iframe>"
	                "</noscript><noscript><div class='warn'>برای دیدن این سایت جاوا اسکریپت را "
	                "فعال کنید.</div></noscript><h1>" HEADLINE "</h1><div class='lazy' "
	                "data-src='/api/1'><noscript><div class='text'><p>" PARA1 "</p><p>" PARA2
	                "</p><p>" PARA3 "</p></div></noscript></div><noscript><img width='1' "
	                "height='1' src='https://px.example/tr'></noscript></body></html>");
	assert_string_equal(a->text, PARA1 "\n\n" PARA2 "\n\n" PARA3);
	kh_article_free(a);
}

static void blog_in_english(void **state)
{
	(void)state;
	kh_article *a = extract("blog-en.html");
	assert_string_equal(a->title, "Restoring an old bicycle in one weekend");
	assert_string_equal(a->site, "Slow Roads");
	/* an unclosed <noscript> and taxonomy classes ("tag-ads") hide nothing */
	assert_true(has(a->text, "My grandfather's bicycle had been standing in the shed"));
	assert_true(has(a->text, "far better than anything in that price range"));
	assert_true(has(a->text, "What it cost")); /* a heading before prose */
	assert_true(
	        has(a->text, "The repair guide I followed")); /* a lone link between paragraphs */
	assert_true(has(a->text, "See you on the road!"));    /* a sign-off */
	assert_false(has(a->text, "Saturday | 4 May 2019"));  /* a bar-separated meta line */
	assert_false(has(a->text, "Share this"));
	assert_false(has(a->text, "Related posts"));
	assert_false(has(a->text, "Fixing a puncture"));
	assert_false(has(a->text, "Dana writes about cycling")); /* the author box */
	assert_false(has(a->text, "Archives"));
	assert_false(has(a->text, "All rights reserved"));
	assert_false(has(a->text, "Rides"));
	assert_null(a->published);
	assert_null(a->agency);
	kh_article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(seed_utf8),
	        cmocka_unit_test(seed_cp1256),
	        cmocka_unit_test(table_layout_portal),
	        cmocka_unit_test(lead_before_body),
	        cmocka_unit_test(page_without_article),
	        cmocka_unit_test(plain_text_verbatim),
	        cmocka_unit_test(bad_inputs),
	        cmocka_unit_test(deep_nesting),
	        cmocka_unit_test(visible_jalali_dates),
	        cmocka_unit_test(agency_names),
	        cmocka_unit_test(agency_rules),
	        cmocka_unit_test(blog_in_english),
	        cmocka_unit_test(afghan_pages),
	        cmocka_unit_test(text_in_scripts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
