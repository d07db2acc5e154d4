# Sourced by the e2e tests that compare outputs (not a test itself: the tests are *.sh).
# check NAME EXPECTED ACTUAL: prints both and counts a failure when they differ; the test ends
# with `exit $((failures > 0))`.
failures=0
check() {
  if [[ "$2" != "$3" ]]; then
    printf 'FAIL %s:\nexpected:\n%s\ngot:\n%s\n' "$1" "$2" "$3" >&2
    failures=$((failures + 1))
  fi
}
