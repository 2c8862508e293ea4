//===- Json.h - a small JSON reader for manifests -------------------------===//
//
// Enough JSON for the artifact manifest: objects, arrays, strings (with
// escapes), numbers, true/false/null. Nesting is bounded; errors carry the
// byte offset.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_RUNTIME_JSON_H
#define QUENCH_RUNTIME_JSON_H

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace quench::runtime::json {

struct Value {
  enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Value> array;
  std::map<std::string, Value> object;

  const Value *get(const std::string &key) const {
    if (kind != Kind::Object)
      return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &it->second;
  }
  /// A number with no fraction that fits an int64.
  bool isInteger() const {
    return kind == Kind::Number && number >= -9.2e18 && number <= 9.2e18 &&
           number == static_cast<double>(static_cast<int64_t>(number));
  }
};

/// Parses `text`; false and `error` on malformed input.
bool parse(const std::string &text, Value &out, std::string &error);

} // namespace quench::runtime::json

#endif // QUENCH_RUNTIME_JSON_H
