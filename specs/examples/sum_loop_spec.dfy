/// The sum 0 + 1 + ... + n, with its loop invariant left out: an annotate task for
/// `verigen gen`. As it stands Dafny cannot prove the postcondition.
/// example: SumTo(0) == 0
/// example: SumTo(10) == 55
/// example: SumTo(100) == 5050
method SumTo(n: nat) returns (s: nat)
  ensures s == n * (n + 1) / 2
{
  s := 0;
  var i := 0;
  while i < n
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
