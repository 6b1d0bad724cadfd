#pragma once
/// SHA-256 of bytes, as lower-case hex: cache keys, certificates, deduplication.

#include <string>
#include <string_view>

namespace verigen {

/// Lower-case hexadecimal SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace verigen
