# The verb frames of the clause reading (clauses.h) and the named eras of the context reading
# (facts.h), compiled into the library.
zhreport_embed(frames_tsv ${CMAKE_CURRENT_SOURCE_DIR}/frames.tsv)
zhreport_embed(eras_tsv ${CMAKE_CURRENT_SOURCE_DIR}/eras.tsv)
