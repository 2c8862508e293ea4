/* A stand-in for a compiled model, with the code ABI the runtime loads
 * (docs/Runtime.md): y[i] = x[i] * w + FAKE_ADD, where w is the first float
 * of the weights and FAKE_ADD (1, or 2 in the second build) goes through the
 * last float of the workspace (so the workspace must be there and writable).
 * The loop over i goes through the parallel-for hook. */
#include <stdint.h>

#ifndef FAKE_ADD
#define FAKE_ADD 1.0f
#endif

typedef void (*Body)(void *, int64_t, int64_t);

const int32_t quench_abi_version = 1;
void (*quench_parallel_for_hook)(Body, void *, int64_t) = 0;

/* A rank-1 memref descriptor: allocated, aligned, offset, size, stride. */
struct Desc1 {
  void *allocated, *aligned;
  int64_t offset, size, stride;
};

struct Work {
  const float *x;
  float *y;
  float w;
  float one;
};

static void body(void *ctx, int64_t begin, int64_t end) {
  struct Work *work = (struct Work *)ctx;
  for (int64_t i = begin; i < end; ++i)
    work->y[i] = work->x[i] * work->w + work->one;
}

void quench_main(void **args) {
  struct Desc1 *weights = (struct Desc1 *)args[0];
  struct Desc1 *workspace = (struct Desc1 *)args[1];
  struct Desc1 *x = (struct Desc1 *)args[2];
  struct Desc1 *y = (struct Desc1 *)args[3];
  float *last = (float *)workspace->aligned + workspace->size / 4 - 1;
  *last = FAKE_ADD;
  struct Work work = {(const float *)x->aligned, (float *)y->aligned,
                      *(const float *)weights->aligned, *last};
  if (quench_parallel_for_hook)
    quench_parallel_for_hook(body, &work, x->size);
  else
    body(&work, 0, x->size);
}
