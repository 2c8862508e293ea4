//===- ExpectInvalidArgument.h - a GoogleTest helper ------------*- C++ -*-===//

#ifndef QUENCH_TEST_UNIT_QUANT_EXPECTINVALIDARGUMENT_H
#define QUENCH_TEST_UNIT_QUANT_EXPECTINVALIDARGUMENT_H

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

/// Expects `stmt` to throw std::invalid_argument whose message contains `sub`.
#define EXPECT_INVALID_ARG(stmt, sub)                                          \
  do {                                                                         \
    try {                                                                      \
      stmt;                                                                    \
      ADD_FAILURE() << "expected std::invalid_argument from " #stmt;           \
    } catch (const std::invalid_argument &e) {                                 \
      EXPECT_NE(std::string(e.what()).find(sub), std::string::npos)            \
          << "message: " << e.what();                                          \
    }                                                                          \
  } while (0)

#endif // QUENCH_TEST_UNIT_QUANT_EXPECTINVALIDARGUMENT_H
