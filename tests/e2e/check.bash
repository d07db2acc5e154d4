# Sourced by the e2e tests that compare outputs (not a test itself: the tests are *.sh).
# check NAME EXPECTED ACTUAL: prints both and counts a failure when they differ; fail MESSAGE
# counts a failure with its message. Either way the test goes on, and ends with
# `exit $((failures > 0))`.
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
check() {
  if [[ "$2" != "$3" ]]; then
    printf 'FAIL %s:\nexpected:\n%s\ngot:\n%s\n' "$1" "$2" "$3" >&2
    failures=$((failures + 1))
  fi
}
