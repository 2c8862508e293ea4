//===- JsonTest.cpp - the manifest's JSON reader --------------------------===//

#include "Json.h"

#include <gtest/gtest.h>

#include <string>

using namespace quench::runtime::json;

namespace {

Value parseOk(const std::string &text) {
  Value v;
  std::string error;
  EXPECT_TRUE(parse(text, v, error)) << text << ": " << error;
  return v;
}

std::string parseError(const std::string &text) {
  Value v;
  std::string error;
  EXPECT_FALSE(parse(text, v, error)) << text;
  return error;
}

TEST(Json, ObjectsArraysAndScalars) {
  Value v = parseOk(R"( {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}} )");
  ASSERT_EQ(v.kind, Value::Kind::Object);
  const Value *a = v.get("a");
  ASSERT_TRUE(a && a->kind == Value::Kind::Array);
  ASSERT_EQ(a->array.size(), 6u);
  EXPECT_EQ(a->array[0].number, 1);
  EXPECT_EQ(a->array[1].number, -2.5);
  EXPECT_EQ(a->array[2].number, 300);
  EXPECT_TRUE(a->array[3].kind == Value::Kind::Bool && a->array[3].boolean);
  EXPECT_TRUE(a->array[4].kind == Value::Kind::Bool && !a->array[4].boolean);
  EXPECT_EQ(a->array[5].kind, Value::Kind::Null);
  ASSERT_TRUE(v.get("b") && v.get("b")->get("c"));
  EXPECT_EQ(v.get("b")->get("c")->string, "d");
  EXPECT_EQ(v.get("missing"), nullptr);
  EXPECT_EQ(a->get("a"), nullptr); // get on a non-object
}

TEST(Json, StringEscapes) {
  Value v = parseOk(R"(["line\nbreak", "quote\"", "back\\slash", "\u0041\u00e9", "tab\t/\/"])");
  ASSERT_EQ(v.array.size(), 5u);
  EXPECT_EQ(v.array[0].string, "line\nbreak");
  EXPECT_EQ(v.array[1].string, "quote\"");
  EXPECT_EQ(v.array[2].string, "back\\slash");
  EXPECT_EQ(v.array[3].string, "A\xc3\xa9"); // UTF-8 of U+00E9
  EXPECT_EQ(v.array[4].string, "tab\t//");
}

TEST(Json, Integers) {
  Value v = parseOk("[0, -7, 9007199254740992, 1.5, 1e300, -1e300]");
  EXPECT_TRUE(v.array[0].isInteger());
  EXPECT_TRUE(v.array[1].isInteger());
  EXPECT_TRUE(v.array[2].isInteger());
  EXPECT_EQ(static_cast<int64_t>(v.array[2].number), int64_t(1) << 53);
  EXPECT_FALSE(v.array[3].isInteger());
  EXPECT_FALSE(v.array[4].isInteger()); // beyond int64: not an integer, no UB
  EXPECT_FALSE(v.array[5].isInteger());
  EXPECT_FALSE(parseOk("\"3\"").isInteger());
}

TEST(Json, MalformedInputIsAnError) {
  for (const char *text : {"", "{", "[1, 2", "{\"a\" 1}", "{\"a\": }", "[1,]", "tru",
                           "\"unterminated", "\"bad \\q escape\"", "\"\\u12\"", "01x",
                           "{} trailing", "[1] [2]", "{1: 2}", "-", "1e"}) {
    std::string error = parseError(text);
    EXPECT_FALSE(error.empty()) << text;
  }
}

TEST(Json, DeepNestingIsBounded) {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  EXPECT_FALSE(parseError(deep).empty());
  std::string fine = std::string(30, '[') + std::string(30, ']');
  parseOk(fine);
}

} // namespace
