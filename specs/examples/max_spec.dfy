/// The larger of two integers: an implement task for `verigen gen` (the body is the hole).
/// example: Max(3, 5) == 5
/// example: Max(-2, -7) == -2
/// example: Max(4, 4) == 4
method Max(a: int, b: int) returns (m: int)
  ensures m >= a && m >= b
  ensures m == a || m == b
