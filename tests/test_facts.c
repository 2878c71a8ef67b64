/* test_facts.c — speakers of statements and the subjects of percentages, on short made-up
 * news paragraphs (the seed article's checks are in seed_spec and test_extract). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/facts.h"
#include "khabar/percent.h"

typedef struct said {
	const char *content_start; /* the first words of the content */
	const char *speaker;       /* wanted speaker, exactly */
} said;

/* The statements of `text`, in order, must start with the given words and be by the given
 * speakers (other statements may follow when `exact` is 0). */
static void statements(const char *text, const said *w, size_t nw, int exact)
{
	kh_facts f = {0};
	assert_int_equal(kh_find_facts(text, strlen(text), NULL, NULL, 0, &f, NULL), KH_OK);
	if (f.nstatements < nw || (exact && f.nstatements != nw))
		fail_msg("«%s»: %zu statements, wanted %zu", text, f.nstatements, nw);
	for (size_t i = 0; i < nw; i++) {
		const kh_statement *s = &f.statements[i];
		size_t cl = strlen(w[i].content_start);
		if (s->end - s->start < cl || memcmp(text + s->start, w[i].content_start, cl))
			fail_msg("statement %zu: content «%.*s», wanted it to start «%s»", i,
			         (int)(s->end - s->start), text + s->start, w[i].content_start);
		if (!s->speaker || strcmp(s->speaker, w[i].speaker))
			fail_msg("statement %zu «%s»: speaker «%s», wanted «%s»", i,
			         w[i].content_start, s->speaker ? s->speaker : "(none)",
			         w[i].speaker);
	}
	kh_facts_free(&f);
}

/* «وی» after a quote is the one who spoke, not a person named inside the quote. */
static void pronoun_skips_names_quoted(void **state)
{
	(void)state;
	const char *t = "علی احمدی کارشناس انرژی گفت: دونالد ترامپ به دنبال کاهش قیمت نفت است. "
	                "وی افزود: بازار نفت امسال آرام خواهد بود.";
	const said w[] = {{"دونالد ترامپ", "علی احمدی"}, {"بازار نفت", "علی احمدی"}};
	statements(t, w, 2, 1);
	/* a person named in the narration is the one «وی» means */
	const char *t2 = "علی احمدی کارشناس انرژی گفت: بازار آرام است. در همین نشست مهدی "
	                 "کریمی نیز سخنرانی کرد. وی گفت: تولید نفت افزایش "
	                 "می‌یابد.";
	const said w2[] = {{"بازار آرام", "علی احمدی"}, {"تولید نفت", "مهدی کریمی"}};
	statements(t2, w2, 2, 1);
}

/* An office speaking is the person the article names with that office, before or after. */
static void office_is_its_holder(void **state)
{
	(void)state;
	const char *t =
	        "رئیس سازمان برنامه و بودجه گفت: بودجه عمرانی افزایش "
	        "می‌یابد. "
	        "رضا "
	        "محمدی رئیس سازمان برنامه و بودجه در ادامه افزود: اعتبارات پرداخت "
	        "می‌شود. رئیس سازمان برنامه و بودجه تصریح "
	        "کرد: "
	        "هیچ "
	        "طرحی "
	        "متوقف "
	        "نمی‌شود.";
	const said w[] = {{"بودجه عمرانی", "رضا محمدی"},
	                  {"اعتبارات", "رضا محمدی"},
	                  {"هیچ طرحی", "رضا محمدی"}};
	statements(t, w, 3, 1);
	/* «این کارشناس» and a shorter form of the office */
	const char *t2 = "حسن رحیمی کارشناس مسائل اقتصادی گفت: تورم کاهش "
	                 "می‌یابد. "
	                 "این "
	                 "کارشناس "
	                 "اقتصادی با اشاره به اینکه نرخ ارز ثابت است، گفت: واردات بیشتر "
	                 "می‌شود.";
	const said w2[] = {
	        {"تورم", "حسن رحیمی"}, {"نرخ ارز", "حسن رحیمی"}, {"واردات", "حسن رحیمی"}};
	statements(t2, w2, 3, 1);
	/* two holders of matching offices: the office stays unnamed */
	const char *t3 =
	        "رضا محمدی وزیر امور خارجه ایران با مایکل اسمیت وزیر امور خارجه انگلیس "
	        "دیدار کرد. وزیر امور خارجه گفت: گفت‌وگوها "
	        "ادامه "
	        "دارد.";
	const said w3[] = {{"گفت‌وگوها", "وزیر امور خارجه"}};
	statements(t3, w3, 1, 1);
	/* «و» before a first name ends an organization's name: two people, two offices */
	const char *t4 = "رضا محمدی وزیر امور خارجه ایران و مایکل اسمیت وزیر امور خارجه انگلیس "
	                 "دیدار کردند. وزیر امور خارجه گفت: گفت‌وگوها "
	                 "ادامه "
	                 "دارد.";
	statements(t4, w3, 1, 1);
}

/* A surname or an office right before the verb is its subject, after an adverbial phrase
 * or a glued headline; not the reporter of «در گفت‌وگو با خبرنگار ... گفت».
 */
static void speaker_next_to_the_verb(void **state)
{
	(void)state;
	const char *t = "سعید سالار کارگردان این مجموعه است. در همین رابطه سالار گفت: فیلم "
	                "آماده است.";
	const said w[] = {{"فیلم آماده", "سعید سالار"}};
	statements(t, w, 1, 1);
	const char *t2 = "جامعه با تحریم ظالمانه رئیس اتاق بازرگانی ایران گفت که تحریم شکاف "
	                 "طبقاتی را بیشتر کرد.";
	const said w2[] = {{"تحریم شکاف", "رئیس اتاق بازرگانی ایران"}};
	statements(t2, w2, 1, 1);
	const char *t3 =
	        "رضا کریمی مدیرکل گمرک استان در گفت‌وگو با "
	        "خبرنگار "
	        "خبرگزاری "
	        "فارس "
	        "گفت: صادرات بیشتر شد.";
	const said w3[] = {{"صادرات", "رضا کریمی"}};
	statements(t3, w3, 1, 1);
	/* «گفت که»: the content after «که» */
	const char *t6 =
	        "علی احمدی وزیر نیرو گفت که برق گران نمی‌شود.";
	const said w6[] = {{"برق گران", "علی احمدی"}};
	statements(t6, w6, 1, 1);
	/* a bullet the page left before the name */
	const char *t4 = "O رضا کریمی گفت: صادرات بیشتر شد.";
	const said w4[] = {{"صادرات", "رضا کریمی"}};
	statements(t4, w4, 1, 1);
	/* a name in quotation marks, its office after them */
	const char *t5 =
	        "« سلمان احمدی » رئیس کمیسیون اجتماعی مجلس از طرح جدید خبر داد. رئیس "
	        "کمیسیون اجتماعی مجلس گفت: طرح اجرا می‌شود.";
	const said w5[] = {{"طرح اجرا", "سلمان احمدی"}};
	statements(t5, w5, 1, 0);
}

/* «X با بیان اینکه A تأکید کرد: B» with no comma: two statements; what was said as the
 * object of «خبر داد» and «تأکید کرد». */
static void clause_and_object_cues(void **state)
{
	(void)state;
	const char *t = "علی رحیمی استاد دانشگاه با بیان اینکه ما از کتاب فاصله "
	                "گرفته‌ایم "
	                "تأکید "
	                "کرد: فاصله از کتاب خسران است.";
	const said w[] = {{"ما از کتاب", "علی رحیمی"}, {"فاصله از کتاب", "علی رحیمی"}};
	statements(t, w, 2, 1);
	const char *t2 = "علی احمدی فرمانده انتظامی گفت: امنیت برقرار است. وی از دستگیری ۴۰ هزار "
	                 "نفر ظرف هشت ماه گذشته خبر داد.";
	const said w2[] = {{"امنیت", "علی احمدی"}, {"دستگیری ۴۰", "علی احمدی"}};
	statements(t2, w2, 2, 1);
	const char *t3 = "علی احمدی عضو کمیسیون بهداشت مجلس بر لزوم احداث سه مرکز درمانی تأکید "
	                 "کرد.";
	const said w3[] = {{"لزوم احداث", "علی احمدی"}};
	statements(t3, w3, 1, 1);
}

/* A headline glued to the next sentence with no full stop: the speaker's clause starts at
 * the pronoun after the headline's verb. */
static void glued_headline(void **state)
{
	(void)state;
	const char *t = "مریم صالحی استاد دانشگاه گفت: آموزش مجازی ادامه دارد.\n"
	                "ترامپ تجربه سیاسی ندارد وی در ادامه اظهار کرد: سیاست خارجی آمریکا "
	                "تغییر نمی‌کند.";
	const said w[] = {{"آموزش مجازی", "مریم صالحی"}, {"سیاست خارجی", "مریم صالحی"}};
	statements(t, w, 2, 1);
}

/* The subject found for the percentage written `figure` in `text`: `want` exactly, or none
 * when want is NULL. */
static void subject(const char *text, const char *figure, const char *want)
{
	kh_percentage *p = NULL;
	size_t n = 0;
	kh_facts f = {0};
	assert_int_equal(kh_find_percentages(text, strlen(text), &p, &n, NULL), KH_OK);
	assert_int_equal(kh_find_facts(text, strlen(text), NULL, p, n, &f, NULL), KH_OK);
	size_t i = 0, fl = strlen(figure);
	while (i < n && (p[i].end - p[i].start != fl || memcmp(text + p[i].start, figure, fl)))
		i++;
	if (i == n)
		fail_msg("«%s»: no percentage «%s»", text, figure);
	if (!want && p[i].has_subject)
		fail_msg("«%s»: subject «%.*s», wanted none", figure,
		         (int)(p[i].subject_end - p[i].subject_start), text + p[i].subject_start);
	if (want && (!p[i].has_subject || p[i].subject_end - p[i].subject_start != strlen(want) ||
	             memcmp(text + p[i].subject_start, want, strlen(want))))
		fail_msg("«%s»: subject «%.*s», wanted «%s»", figure,
		         p[i].has_subject ? (int)(p[i].subject_end - p[i].subject_start) : 6,
		         p[i].has_subject ? text + p[i].subject_start : "(none)", want);
	kh_facts_free(&f);
	for (i = 0; i < n; i++)
		free(p[i].subject_canonical);
	free(p);
}

static void percentage_subjects(void **state)
{
	(void)state;
	/* the owner of a share: the place or organization named before it */
	subject("وزیر نفت گفت ایران سهم ۱۳ درصدی خود را حفظ "
	        "می‌کند.",
	        "۱۳ درصدی", "ایران");
	/* «به احتمال ۹۹ درصد» */
	subject("این طرح به احتمال ۹۹ درصد اجرا می‌شود.", "۹۹ درصد",
	        "احتمال");
	/* a change before «درصدی»: the noun after it */
	subject("افزایش پنهانی ۱۰ درصدی قیمت گاز از مهر "
	        "اعتراض‌ها "
	        "را "
	        "برانگیخت.",
	        "۱۰ درصدی", "قیمت گاز");
	/* «درصدی» qualifying the noun before it, then «در»: still that noun */
	subject("دولت با تامین مالی ۵۰ درصدی در توسعه مترو موافقت کرد.", "۵۰ درصدی", "تامین مالی");
	/* a measure noun and its complement after the figure */
	subject("تعطیل شدن ۶۰ درصد ظرفیت صنایع داخلی "
	        "نگران‌کننده "
	        "است.",
	        "۶۰ درصد", "ظرفیت صنایع داخلی");
	/* the change before «به میزان» */
	subject("وزارت بهداشت وعده کاهش نرخ مرگ نوزادان به میزان ۱۰ درصد را داد.", "۱۰ درصد",
	        "نرخ مرگ نوزادان");
	/* nothing just before: the clause's head, after «و» following a verb */
	subject("مرحله سوم اجرا شده و همه پله‌های مصرف گاز در "
	        "قبض‌ها، "
	        "به "
	        "میزان "
	        "۱۰ "
	        "درصد "
	        "افزایش "
	        "یافته است.",
	        "۱۰ درصد", "همه پله‌های مصرف گاز");
	subject("وی افزود: سهم یارانه‌ها از بودجه ( OECD ) "
	        "بالغ‌بر "
	        "۶۰ "
	        "درصد "
	        "برآورد "
	        "شده "
	        "است.",
	        "۶۰ درصد", "سهم یارانه‌ها");
	/* a clause headed by a preposition or a pronoun has no subject to give */
	subject("چهار درصد آن دیده می‌شود و ۹۶ درصد آن دیده "
	        "نمی‌شود.",
	        "۹۶ درصد", NULL);
	/* a place after «در» frames the quantity before it */
	subject("در ۱۳ سال گذشته مصرف گاز در کشور حدود ۳۲ درصد افزایش داشته است.", "۳۲ درصد",
	        "مصرف گاز");
	/* quoted speech, «در حدود», «به ترتیب» */
	subject("وی می‌گوید: \"نرخ تورم در حدود ۴۲ درصد است.\"",
	        "۴۲ درصد", "نرخ تورم");
	subject("سهم این گروه‌ها در سال ۱۳۹۰ به ترتیب ۳۲ درصد "
	        "بوده "
	        "است.",
	        "۳۲ درصد", "سهم این گروه‌ها");
	subject("با گذشت نیم فصل ۶۱ درصد از مربیان تغییر "
	        "کرده‌اند.",
	        "۶۱ درصد", "مربیان");
	/* a clause that starts with its verb: no subject, and no failure */
	subject("نمادهایی که بسته شده ۱۰ درصد است.", "۱۰ درصد", NULL);
}

/* The MONEY entities of `text`: their surfaces and canonical forms, in order. */
static void money(const char *text, const char *const *want, size_t nw)
{
	kh_facts f = {0};
	assert_int_equal(kh_find_facts(text, strlen(text), NULL, NULL, 0, &f, NULL), KH_OK);
	size_t k = 0;
	for (size_t i = 0; i < f.nentities; i++) {
		const kh_entity *e = &f.entities[i];
		if (e->type != KH_ENT_MONEY)
			continue;
		if (k / 2 >= nw)
			fail_msg("«%s»: more MONEY entities than wanted", text);
		size_t l = strlen(want[k]);
		if (e->end - e->start != l || memcmp(text + e->start, want[k], l) ||
		    strcmp(e->canonical, want[k + 1]))
			fail_msg("«%s»: MONEY «%.*s» (%s), wanted «%s» (%s)", text,
			         (int)(e->end - e->start), text + e->start, e->canonical, want[k],
			         want[k + 1]);
		k += 2;
	}
	if (k != nw * 2)
		fail_msg("«%s»: %zu MONEY entities, wanted %zu", text, k / 2, nw);
	kh_facts_free(&f);
}

static void sums_of_money(void **state)
{
	(void)state;
	const char *const w1[] = {"۲۱ میلیون و ۲۰۰ هزار تومان", "21200000 تومان"};
	money("قیمت این خودرو ۲۱ میلیون و ۲۰۰ هزار تومان است.", w1, 1);
	const char *const w2[] = {"۲۷ هزار و ۶۴۵ ریال", "27645 ریال", "سه میلیارد دلار",
	                          "3000000000 دلار"};
	money("هر یورو ۲۷ هزار و ۶۴۵ ریال شد و سه میلیارد دلار صادر شد.", w2, 2);
	const char *const w3[] = {"37 دلار و 66 سنت", "37.66 دلار", "۲۰۰ تا ۲۵۰ هزار تومان",
	                          "250000 تومان"};
	money("نفت 37 دلار و 66 سنت شد؛ کرایه بین ۲۰۰ تا ۲۵۰ هزار تومان است.", w3, 2);
	const char *const w4[] = {"۵۰ میلیون تومانی", "50000000 تومان"};
	money("وام ۵۰ میلیون تومانی به زوج‌ها داده می‌شود.",
	      w4, 1);
	/* a currency without a number, a number without a currency */
	money("ارزش ریال کاهش یافت و ۵۰۰ هزار نفر آمدند.", NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(pronoun_skips_names_quoted),
	        cmocka_unit_test(office_is_its_holder),
	        cmocka_unit_test(glued_headline),
	        cmocka_unit_test(speaker_next_to_the_verb),
	        cmocka_unit_test(clause_and_object_cues),
	        cmocka_unit_test(percentage_subjects),
	        cmocka_unit_test(sums_of_money),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
