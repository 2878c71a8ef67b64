/* nermodel_none.c — no tagger model in this build (extractor/facts/model/ner.bin absent): the
 * facts fall back to the rules. */
const unsigned char kh_ner_model[1] = {0};
const unsigned long kh_ner_model_size = 0;
