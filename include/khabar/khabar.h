/* khabar/khabar.h — the whole public API of libkhabar in one include. */
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

#endif
