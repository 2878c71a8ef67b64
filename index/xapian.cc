// xapian.cc — the one C++ file: khabar's index API (include/khabar/index.h) over
// libxapian. Every entry point catches every exception and turns it into a kh_status.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

extern "C" {
#include "ixdoc.h"
#include <jansson.h>

#include "khabar/article.h"
#include "khabar/facts.h"
#include "khabar/index.h"
}

struct kh_index {
	Xapian::WritableDatabase *w = nullptr;
	Xapian::Database *r = nullptr;
	Xapian::Database &db() { return w ? *w : *r; }
};

static kh_status fail(kh_error *err, kh_status code, const char *what, const std::string &msg)
{
	return kh_error_set(err, code, "%s: %s", what, msg.c_str());
}

#define GUARD(what)                                                                                \
	catch (const Xapian::DatabaseLockError &e)                                                 \
	{                                                                                          \
		return fail(err, KH_ERR_IO, what, "the database is in use by another writer");     \
	}                                                                                          \
	catch (const Xapian::Error &e)                                                             \
	{                                                                                          \
		return fail(err, KH_ERR_IO, what, e.get_description());                            \
	}                                                                                          \
	catch (const std::bad_alloc &)                                                             \
	{                                                                                          \
		return kh_error_set(err, KH_ERR_NOMEM, "%s: out of memory", what);                 \
	}                                                                                          \
	catch (...)                                                                                \
	{                                                                                          \
		return kh_error_set(err, KH_ERR_INTERNAL, "%s: unexpected error", what);           \
	}

extern "C" kh_status kh_index_open_writable(const char *path, kh_index **out, kh_error *err)
{
	*out = nullptr;
	try {
		kh_index *ix = new kh_index;
		try {
			ix->w = new Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
		} catch (...) {
			delete ix;
			throw;
		}
		*out = ix;
		return KH_OK;
	}
	GUARD("cannot open the index")
}

extern "C" kh_status kh_index_open_readonly(const char *const *paths, size_t n, kh_index **out,
                                            kh_error *err)
{
	*out = nullptr;
	try {
		kh_index *ix = new kh_index;
		try {
			ix->r = new Xapian::Database;
			for (size_t i = 0; i < n; i++)
				ix->r->add_database(Xapian::Database(paths[i]));
		} catch (...) {
			delete ix->r;
			delete ix;
			throw;
		}
		*out = ix;
		return KH_OK;
	}
	GUARD("cannot open the index")
}

struct kh_prepared {
	char *article = nullptr;
	kh_ixdoc *docs = nullptr;
	size_t n = 0;
};

extern "C" void kh_prepared_free(kh_prepared *p)
{
	if (!p)
		return;
	kh_ixdocs_free(p->docs, p->n);
	free(p->article);
	delete p;
}

extern "C" kh_status kh_index_prepare(const char *json, size_t len, kh_prepared **out,
                                      kh_error *err)
{
	*out = nullptr;
	kh_prepared *p = new (std::nothrow) kh_prepared;
	if (!p)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	kh_status rc = kh_record_docs(json, len, &p->article, &p->docs, &p->n, err);
	if (rc) {
		delete p;
		return rc;
	}
	*out = p;
	return KH_OK;
}

extern "C" kh_status kh_index_prepare_article(const struct kh_article *a, kh_prepared **out,
                                              kh_error *err)
{
	*out = nullptr;
	void *r = kh_article_to_jansson(a, err);
	if (!r)
		return err ? err->code : KH_ERR_NOMEM;
	kh_prepared *p = new (std::nothrow) kh_prepared;
	kh_status rc = p ? kh_record_docs_json(r, &p->article, &p->docs, &p->n, err)
	                 : kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	json_decref((json_t *)r);
	if (rc) {
		delete p;
		return rc;
	}
	*out = p;
	return KH_OK;
}

extern "C" kh_status kh_index_add_prepared(kh_index *ix, kh_prepared *p, kh_error *err)
{
	if (!ix || !ix->w) {
		kh_prepared_free(p);
		return kh_error_set(err, KH_ERR_USAGE, "the index is not open for writing");
	}
	try {
		// the article's previous documents go: a statement may have been dropped since
		ix->w->delete_document(p->article);
		for (size_t i = 0; i < p->n; i++) {
			const kh_ixdoc &d = p->docs[i];
			Xapian::Document doc;
			doc.set_data(d.data);
			doc.add_boolean_term(d.id);
			for (size_t k = 0; k < d.nterms; k++)
				doc.add_boolean_term(d.terms[k]);
			for (size_t k = 0; k < d.nwords; k++)
				if (*d.words[k])
					doc.add_posting(d.words[k], (Xapian::termpos)(k + 1));
			if (d.has_date) {
				doc.add_value(KH_SLOT_DATE, Xapian::sortable_serialise(d.date));
				doc.add_value(KH_SLOT_JALALI, Xapian::sortable_serialise(d.jalali));
			}
			if (d.has_percent)
				doc.add_value(KH_SLOT_PERCENT,
				              Xapian::sortable_serialise(d.percent));
			ix->w->replace_document(d.id, doc);
		}
		kh_prepared_free(p);
		return KH_OK;
	} catch (...) {
		kh_prepared_free(p);
		try {
			throw;
		}
		GUARD("cannot add the record")
	}
}

extern "C" kh_status kh_index_add_record(kh_index *ix, const char *json, size_t len, kh_error *err)
{
	if (!ix || !ix->w)
		return kh_error_set(err, KH_ERR_USAGE, "the index is not open for writing");
	kh_prepared *p;
	kh_status rc = kh_index_prepare(json, len, &p, err);
	return rc ? rc : kh_index_add_prepared(ix, p, err);
}

extern "C" kh_status kh_index_commit(kh_index *ix, kh_error *err)
{
	try {
		if (ix && ix->w)
			ix->w->commit();
		return KH_OK;
	}
	GUARD("cannot commit the index")
}

extern "C" void kh_index_close(kh_index *ix)
{
	if (!ix)
		return;
	try {
		if (ix->w)
			ix->w->close(); // commits
	} catch (...) {
	}
	delete ix->w;
	delete ix->r;
	delete ix;
}

// Every document: a query of its own, not a copy of Xapian::Query::MatchAll, a global whose
// reference count is not atomic (searches from several threads at once crashed on it).
static Xapian::Query match_all()
{
	return Xapian::Query(std::string());
}

// The words of the free text, all required; a quoted run («"..."» or «...») a phrase.
// Unquoted runs are normalized whole, so «می گوید» joins as «می‌گوید» did at
// index time.
static Xapian::Query text_query(const char *text)
{
	std::vector<Xapian::Query> parts;
	const char *p = text;
	while (*p) {
		const char *close = nullptr, *open = nullptr;
		for (const char *q = p; *q && !open; q++)
			if (*q == '"' || !strncmp(q, "«", 2))
				open = q;
		std::string chunk;
		bool phrase = open == p;
		if (phrase) {
			close = *p == '"' ? "\"" : "»";
			p += *p == '"' ? 1 : 2;
			const char *e = strstr(p, close);
			chunk.assign(p, e ? (size_t)(e - p) : strlen(p));
			p = e ? e + strlen(close) : p + strlen(p);
		} else {
			size_t n = open ? (size_t)(open - p) : strlen(p);
			chunk.assign(p, n);
			p += n;
		}
		char **w = nullptr;
		size_t nw = 0, cap = 0;
		if (kh_text_words(chunk.data(), chunk.size(), &w, &nw, &cap))
			throw std::bad_alloc();
		std::vector<Xapian::Query> terms;
		for (size_t i = 0; i < nw; i++) {
			terms.emplace_back(std::string(w[i]));
			free(w[i]);
		}
		free(w);
		if (terms.size() > 1 && phrase)
			parts.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
		else
			for (auto &t : terms)
				parts.push_back(t);
	}
	if (parts.empty())
		return match_all();
	return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

static std::string key_term(const char *prefix, const char *s)
{
	char *k = kh_name_key(s, strlen(s));
	if (!k)
		throw std::bad_alloc();
	std::string t = std::string(prefix) + k;
	free(k);
	return t.substr(0, 245);
}

// «1402-08-01» (Jalali when the year is below 1700) or «2023-10-23»: the slot and value.
static bool date_value(const char *s, Xapian::valueno *slot, double *v)
{
	int y, m, d;
	if (sscanf(s, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	*slot = y < 1700 ? KH_SLOT_JALALI : KH_SLOT_DATE;
	*v = y * 10000.0 + m * 100 + d;
	return true;
}

extern "C" kh_status kh_index_search(kh_index *ix, const kh_query *q, char **results, size_t *count,
                                     kh_error *err)
{
	return kh_index_search_page(ix, q, results, count, nullptr, err);
}

extern "C" kh_status kh_index_search_page(kh_index *ix, const kh_query *q, char **results,
                                          size_t *count, size_t *total, kh_error *err)
{
	*results = nullptr;
	*count = 0;
	if (total)
		*total = 0;
	try {
		Xapian::Query query = q->text && *q->text ? text_query(q->text) : match_all();
		std::vector<Xapian::Query> filters;
		static const char *const types[] = {nullptr, "article", "statement", "fact"};
		if (q->type != KH_DOC_ANY)
			filters.emplace_back(std::string(KH_P_TYPE) + types[q->type]);
		if (q->speaker && *q->speaker)
			filters.emplace_back(key_term(KH_P_SPEAKER, q->speaker));
		if (q->agency && *q->agency)
			filters.emplace_back(key_term(KH_P_AGENCY, q->agency));
		if (q->org && *q->org) {
			// the name as written, and its canonical name when it is a known one
			std::vector<Xapian::Query> o{Xapian::Query(key_term(KH_P_ORG, q->org))};
			char *c = kh_org_canonical(q->org, strlen(q->org));
			if (c) {
				o.emplace_back(key_term(KH_P_ORG, c));
				free(c);
			}
			filters.emplace_back(Xapian::Query::OP_OR, o.begin(), o.end());
		}
		Xapian::valueno slot;
		double v;
		if (q->from || q->to) {
			double lo = -1e300, hi = 1e300;
			Xapian::valueno s1 = KH_SLOT_DATE, s2 = KH_SLOT_DATE;
			if (q->from && !date_value(q->from, &s1, &lo))
				return kh_error_set(err, KH_ERR_USAGE, "bad date '%s' (YYYY-MM-DD)",
				                    q->from);
			if (q->to && !date_value(q->to, &s2, &hi))
				return kh_error_set(err, KH_ERR_USAGE, "bad date '%s' (YYYY-MM-DD)",
				                    q->to);
			if (q->from && q->to && s1 != s2)
				return kh_error_set(
				        err, KH_ERR_USAGE,
				        "a date range is Jalali at both ends or ISO at both ends");
			slot = q->from ? s1 : s2;
			if (lo > hi)
				return kh_error_set(err, KH_ERR_USAGE,
				                    "the date range ends before it starts");
			filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, slot,
			                     Xapian::sortable_serialise(lo),
			                     Xapian::sortable_serialise(hi));
		}
		if (q->has_percent) {
			filters.emplace_back(Xapian::Query::OP_VALUE_RANGE,
			                     (Xapian::valueno)KH_SLOT_PERCENT,
			                     Xapian::sortable_serialise(q->percent_min),
			                     Xapian::sortable_serialise(q->percent_max));
			if (q->type == KH_DOC_ANY)
				filters.emplace_back(std::string(KH_P_TYPE) + "fact");
		}
		(void)v;
		if (!filters.empty())
			query = Xapian::Query(Xapian::Query::OP_FILTER, query,
			                      Xapian::Query(Xapian::Query::OP_AND, filters.begin(),
			                                    filters.end()));
		Xapian::Enquire enq(ix->db());
		enq.set_query(query);
		if (!q->text || !*q->text) {
			// no words to rank by: the most recently indexed first (docids grow with
			// ingest), which lets the matcher stop at the first `limit` documents
			// instead of sorting every match by date
			enq.set_weighting_scheme(Xapian::BoolWeight());
			enq.set_docid_order(Xapian::Enquire::DESCENDING);
		}
		Xapian::doccount lim = q->limit ? (Xapian::doccount)q->limit : 10;
		Xapian::MSet m = enq.get_mset((Xapian::doccount)q->offset, lim,
		                              total ? (Xapian::doccount)q->offset + lim + 1 : 0);
		std::string out;
		for (auto it = m.begin(); it != m.end(); ++it) {
			out += it.get_document().get_data();
			out += '\n';
		}
		*results = strdup(out.c_str());
		if (!*results)
			return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
		*count = m.size();
		if (total)
			*total = m.get_matches_estimated();
		return KH_OK;
	}
	GUARD("search failed")
}

extern "C" kh_status kh_index_reopen(kh_index *ix, int *changed, kh_error *err)
{
	if (changed)
		*changed = 0;
	try {
		bool moved = ix->db().reopen();
		if (changed)
			*changed = moved;
		return KH_OK;
	}
	GUARD("cannot reopen the index")
}

extern "C" kh_status kh_index_stats(kh_index *ix, size_t top, char **json, kh_error *err)
{
	*json = nullptr;
	try {
		Xapian::Database &db = ix->db();
		auto freq = [&](const std::string &t) { return (unsigned long)db.get_termfreq(t); };
		// the top names of a prefix by documents (the whole-name keys are the longest)
		auto tops = [&](const char *prefix) {
			std::vector<std::pair<unsigned long, std::string>> v;
			for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
				v.emplace_back(t.get_termfreq(), (*t).substr(strlen(prefix)));
			std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) {
				return a.first != b.first ? a.first > b.first : a.second < b.second;
			});
			std::string s = "[";
			for (size_t i = 0; i < v.size() && i < top; i++) {
				char n[32];
				snprintf(n, sizeof n, "%lu", v[i].first);
				std::string name;
				for (char c : v[i].second) { // a JSON string
					if (c == '"' || c == '\\')
						name += '\\';
					if ((unsigned char)c >= 0x20)
						name += c;
				}
				s += (i ? ",{\"name\":\"" : "{\"name\":\"") + name +
				     "\",\"documents\":" + n + "}";
			}
			return s + "]";
		};
		char head[256];
		snprintf(head, sizeof head,
		         "{\"documents\":%lu,\"articles\":%lu,\"statements\":%lu,\"facts\":%lu,",
		         (unsigned long)db.get_doccount(), freq(std::string(KH_P_TYPE) + "article"),
		         freq(std::string(KH_P_TYPE) + "statement"),
		         freq(std::string(KH_P_TYPE) + "fact"));
		std::string s = std::string(head) + "\"top_speakers\":" + tops(KH_P_NAME) +
		                ",\"top_organizations\":" + tops(KH_P_ORGNAME) + "}";
		*json = strdup(s.c_str());
		return *json ? KH_OK : kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	}
	GUARD("cannot read the index")
}
