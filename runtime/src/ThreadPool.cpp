//===- ThreadPool.cpp - the runtime's CPU thread pool ---------------------===//

#include "ThreadPool.h"

#include <algorithm>

#if defined(__x86_64__)
#include <immintrin.h>
#define QUENCH_PAUSE() _mm_pause()
#else
#define QUENCH_PAUSE() ((void)0)
#endif

namespace quench::runtime {

namespace {
thread_local ThreadPool *currentPool = nullptr;
thread_local bool insideLoop = false;
constexpr int kSpins = 20000; // ~100 us of polling before sleeping
} // namespace

ThreadPool::ThreadPool(size_t threads) {
  if (threads == 0)
    threads = std::max(1u, std::thread::hardware_concurrency());
  for (size_t i = 1; i < threads; ++i)
    workers.emplace_back([this] { workerLoop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex);
    stopping.store(true);
    generation.fetch_add(1);
  }
  wake.notify_all();
  for (std::thread &t : workers)
    t.join();
}

void ThreadPool::work() {
  insideLoop = true;
  for (int64_t begin; (begin = next.fetch_add(chunk)) < count;)
    body(ctx, begin, std::min(begin + chunk, count));
  insideLoop = false;
}

void ThreadPool::parallelFor(Body fn, void *arg, int64_t n) {
  if (n <= 0)
    return;
  if (workers.empty() || n == 1 || insideLoop) {
    fn(arg, 0, n);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    body = fn;
    ctx = arg;
    count = n;
    chunk = std::max<int64_t>(1, n / static_cast<int64_t>(8 * size()));
    next.store(0);
    pending.store(workers.size());
    generation.fetch_add(1, std::memory_order_release);
  }
  wake.notify_all();
  work();
  for (int spin = 0; pending.load(std::memory_order_acquire) != 0; ++spin) {
    if (spin < kSpins) {
      QUENCH_PAUSE();
      continue;
    }
    std::unique_lock<std::mutex> lock(mutex);
    done.wait(lock, [&] { return pending.load() == 0; });
    break;
  }
}

void ThreadPool::workerLoop() {
  uint64_t seen = 0;
  while (true) {
    uint64_t now = generation.load(std::memory_order_acquire);
    for (int spin = 0; now == seen && spin < kSpins; ++spin) {
      QUENCH_PAUSE();
      now = generation.load(std::memory_order_acquire);
    }
    if (now == seen) {
      std::unique_lock<std::mutex> lock(mutex);
      wake.wait(lock, [&] { return generation.load() != seen; });
      now = generation.load();
    }
    seen = now;
    if (stopping.load())
      return;
    work();
    if (pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      std::lock_guard<std::mutex> lock(mutex);
      done.notify_all();
    }
  }
}

void ThreadPool::hook(Body body, void *ctx, int64_t n) {
  if (currentPool)
    currentPool->parallelFor(body, ctx, n);
  else
    body(ctx, 0, n);
}

ThreadPool::Scope::Scope(ThreadPool &pool) : previous(currentPool) { currentPool = &pool; }
ThreadPool::Scope::~Scope() { currentPool = previous; }

} // namespace quench::runtime
