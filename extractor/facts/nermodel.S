/* nermodel.S — the tagger's model (extractor/facts/model/ner.bin) compiled in as bytes, and
 * its size. KH_NER_MODEL_PATH comes from CMakeLists.txt. */
	.section .rodata
	.global kh_ner_model
	.global kh_ner_model_size
	.balign 16
kh_ner_model:
	.incbin KH_NER_MODEL_PATH
kh_ner_model_end:
	.balign 8
kh_ner_model_size:
	.quad kh_ner_model_end - kh_ner_model
	.section .note.GNU-stack,"",@progbits
