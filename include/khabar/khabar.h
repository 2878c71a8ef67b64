/* khabar/khabar.h — the whole public API of libkhabar in one include.
 *
 * Threads: every function may run in several threads at once on different data (the
 * data tables load once, under pthread_once); a kh_index is used by one thread at a
 * time. Call json_object_seed(0) once before starting threads that make records. */
#ifndef KHABAR_H
#define KHABAR_H

#include "khabar/version.h"
#include "khabar/error.h"
#include "khabar/charset.h"
#include "khabar/jalali.h"
#include "khabar/dates.h"
#include "khabar/normalize.h"
#include "khabar/token.h"
#include "khabar/stem.h"
#include "khabar/number.h"
#include "khabar/percent.h"
#include "khabar/facts.h"
#include "khabar/index.h"
#include "khabar/article.h"
#include "khabar/crawl.h"

#endif
