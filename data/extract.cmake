# Tables of the extract stage (document structure and facts), compiled into the library.
zhreport_embed(boilerplate_tsv ${CMAKE_CURRENT_SOURCE_DIR}/boilerplate.tsv)
zhreport_embed(classifiers_tsv ${CMAKE_CURRENT_SOURCE_DIR}/classifiers.tsv)
zhreport_embed(cues_tsv ${CMAKE_CURRENT_SOURCE_DIR}/cues.tsv)
zhreport_embed(lists_tsv ${CMAKE_CURRENT_SOURCE_DIR}/lists.tsv)
zhreport_embed(noncounts_tsv ${CMAKE_CURRENT_SOURCE_DIR}/noncounts.tsv)
zhreport_embed(persons_tsv ${CMAKE_CURRENT_SOURCE_DIR}/persons.tsv)
zhreport_embed(times_tsv ${CMAKE_CURRENT_SOURCE_DIR}/times.tsv)
zhreport_embed(words_tsv ${CMAKE_CURRENT_SOURCE_DIR}/words.tsv)
