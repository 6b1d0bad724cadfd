/// The larger of two integers.
method Max(a: int, b: int) returns (m: int)
  ensures m >= a && m >= b
  ensures m == a || m == b
{
  if a > b {
    m := a;
  } else {
    m := b;
  }
}

method Main() {
  var m := Max(3, 5);
  print "Max(3, 5) = ", m, "\n";
  m := Max(-2, -7);
  print "Max(-2, -7) = ", m, "\n";
}
