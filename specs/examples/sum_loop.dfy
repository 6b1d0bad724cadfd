/// The sum 0 + 1 + ... + n. The loop needs its invariant: without it Dafny cannot prove the
/// postcondition (see sum_loop_spec.dfy, the same program with the invariant left out).
method SumTo(n: nat) returns (s: nat)
  ensures s == n * (n + 1) / 2
{
  s := 0;
  var i := 0;
  while i < n
    invariant 0 <= i <= n
    invariant s == i * (i + 1) / 2
  {
    i := i + 1;
    s := s + i;
  }
}

method Main() {
  var s := SumTo(10);
  print "SumTo(10) = ", s, "\n";
  s := SumTo(100);
  print "SumTo(100) = ", s, "\n";
}
