# The verb frames of the clause reading (clauses.h) and the context words of the context reading
# (facts.h: continuation words, givers' markers, to-now words…), compiled into the library. The
# named eras (党的十八大以来) are rows of times.tsv (extract.cmake).
zhreport_embed(frames_tsv ${CMAKE_CURRENT_SOURCE_DIR}/frames.tsv)
zhreport_embed(context_tsv ${CMAKE_CURRENT_SOURCE_DIR}/context.tsv)
