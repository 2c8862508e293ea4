//===- ThreadPoolTest.cpp - the runtime's thread pool ---------------------===//

#include "ThreadPool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

using quench::runtime::ThreadPool;

namespace {

struct Coverage {
  std::vector<std::atomic<int>> hits;
  explicit Coverage(int64_t n) : hits(n) {}
  static void body(void *ctx, int64_t begin, int64_t end) {
    auto *self = static_cast<Coverage *>(ctx);
    for (int64_t i = begin; i < end; ++i)
      self->hits[i].fetch_add(1, std::memory_order_relaxed);
  }
  bool exactlyOnce() const {
    for (const auto &h : hits)
      if (h.load() != 1)
        return false;
    return true;
  }
};

class ThreadPoolCoverage : public ::testing::TestWithParam<std::tuple<size_t, int64_t>> {};

TEST_P(ThreadPoolCoverage, EveryIndexExactlyOnce) {
  auto [threads, n] = GetParam();
  ThreadPool pool(threads);
  EXPECT_EQ(pool.size(), threads);
  Coverage coverage(n);
  pool.parallelFor(&Coverage::body, &coverage, n);
  EXPECT_TRUE(coverage.exactlyOnce());
}

INSTANTIATE_TEST_SUITE_P(Sizes, ThreadPoolCoverage,
                         ::testing::Combine(::testing::Values<size_t>(1, 2, 4),
                                            ::testing::Values<int64_t>(0, 1, 7, 1000,
                                                                       100003)));

TEST(ThreadPool, ZeroMeansOnePerHardwareThread) {
  ThreadPool pool(0);
  EXPECT_GE(pool.size(), 1u);
  Coverage coverage(513);
  pool.parallelFor(&Coverage::body, &coverage, 513);
  EXPECT_TRUE(coverage.exactlyOnce());
}

// Thousands of small loops back to back (one per op in a model run): none
// hangs, none loses or repeats work.
TEST(ThreadPool, ManySmallLoopsInARow) {
  ThreadPool pool(4);
  for (int round = 0; round < 2000; ++round) {
    int64_t n = 1 + round % 37;
    Coverage coverage(n);
    pool.parallelFor(&Coverage::body, &coverage, n);
    ASSERT_TRUE(coverage.exactlyOnce()) << "round " << round;
  }
}

// A loop started from a loop body runs inline on that thread and still
// covers its range.
struct Nested {
  ThreadPool *pool;
  std::vector<Coverage> *inner;
  static void body(void *ctx, int64_t begin, int64_t end) {
    auto *self = static_cast<Nested *>(ctx);
    for (int64_t i = begin; i < end; ++i) {
      Coverage &c = (*self->inner)[i];
      self->pool->parallelFor(&Coverage::body, &c, static_cast<int64_t>(c.hits.size()));
    }
  }
};

TEST(ThreadPool, NestedLoopsRunInline) {
  ThreadPool pool(3);
  std::vector<Coverage> inner;
  inner.reserve(50);
  for (int i = 0; i < 50; ++i)
    inner.emplace_back(100 + i);
  Nested nested{&pool, &inner};
  pool.parallelFor(&Nested::body, &nested, 50);
  for (const Coverage &c : inner)
    EXPECT_TRUE(c.exactlyOnce());
}

// The hook the compiled code calls routes to the pool in scope on this
// thread; without one it runs the loop on the caller.
TEST(ThreadPool, HookUsesThePoolInScope) {
  Coverage outside(1000);
  ThreadPool::hook(&Coverage::body, &outside, 1000);
  EXPECT_TRUE(outside.exactlyOnce());
  ThreadPool pool(2);
  {
    ThreadPool::Scope scope(pool);
    Coverage inside(100000);
    ThreadPool::hook(&Coverage::body, &inside, 100000);
    EXPECT_TRUE(inside.exactlyOnce());
  }
}

TEST(ThreadPool, DestroyedWhileIdle) {
  for (int i = 0; i < 20; ++i) {
    ThreadPool pool(4);
    if (i % 2) {
      Coverage coverage(10);
      pool.parallelFor(&Coverage::body, &coverage, 10);
    }
  }
  SUCCEED();
}

} // namespace
