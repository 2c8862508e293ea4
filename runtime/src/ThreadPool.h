//===- ThreadPool.h - the runtime's CPU thread pool -----------------------===//
//
// Persistent workers plus the calling thread share each parallel loop
// through an atomic counter (dynamic chunks). Workers spin briefly for the
// next loop (the compiled code issues one per big op, back to back), then
// sleep on a condition variable. A loop started from inside a loop body
// runs inline.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_RUNTIME_THREADPOOL_H
#define QUENCH_RUNTIME_THREADPOOL_H

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace quench::runtime {

class ThreadPool {
public:
  using Body = void (*)(void *ctx, int64_t begin, int64_t end);

  /// `threads` counts the caller; 0 means one per hardware thread.
  explicit ThreadPool(size_t threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;

  size_t size() const { return workers.size() + 1; }

  /// Calls body over disjoint ranges covering [0, n) exactly once and
  /// returns when all are done.
  void parallelFor(Body body, void *ctx, int64_t n);

  /// The function stored into the code's quench_parallel_for_hook: routes to
  /// the pool of the session running on this thread.
  static void hook(Body body, void *ctx, int64_t n);

  /// Makes `pool` the one `hook` uses on this thread for the scope.
  class Scope {
  public:
    explicit Scope(ThreadPool &pool);
    ~Scope();

  private:
    ThreadPool *previous;
  };

private:
  void workerLoop();
  void work();

  std::vector<std::thread> workers;
  std::mutex mutex;
  std::condition_variable wake, done;
  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> generation{0};
  std::atomic<int64_t> next{0};
  std::atomic<size_t> pending{0};
  Body body = nullptr;
  void *ctx = nullptr;
  int64_t count = 0, chunk = 1;
};

} // namespace quench::runtime

#endif // QUENCH_RUNTIME_THREADPOOL_H
