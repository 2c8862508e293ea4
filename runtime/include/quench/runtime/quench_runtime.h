/*===- quench_runtime.h - the Quench runtime C API -------------------------===*
 *
 * Loads an artifact written by quench-compile (native code + weight blob +
 * manifest, + PTX for GPU artifacts; see docs/Runtime.md), creates sessions
 * that own the workspace, the outputs and a CPU thread pool (GPU: the device
 * buffers, a stream and the forward's CUDA graph), and runs the model. The
 * CUDA driver is opened at run time (dlopen), never linked. No MLIR or LLVM
 * dependency. Every function that can fail returns NULL or a non-zero
 * status and leaves a message for quench_last_error().
 *
 *===----------------------------------------------------------------------===*/

#ifndef QUENCH_RUNTIME_QUENCH_RUNTIME_H
#define QUENCH_RUNTIME_QUENCH_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define QUENCH_API __attribute__((visibility("default")))
#else
#define QUENCH_API
#endif

typedef struct quench_artifact quench_artifact;
typedef struct quench_session quench_session;

typedef enum quench_dtype {
  QUENCH_FLOAT32, QUENCH_FLOAT64, QUENCH_FLOAT16, QUENCH_BFLOAT16,
  QUENCH_INT8, QUENCH_INT16, QUENCH_INT32, QUENCH_INT64,
  QUENCH_UINT8, QUENCH_UINT16, QUENCH_UINT32, QUENCH_UINT64, QUENCH_BOOL
} quench_dtype;

/* The message of the last failure on this thread ("" if none). */
QUENCH_API const char *quench_last_error(void);

/* Name ("float32", ...) and size in bytes of a dtype. */
QUENCH_API const char *quench_dtype_name(quench_dtype dtype);
QUENCH_API size_t quench_dtype_size(quench_dtype dtype);
/* Parses a dtype name; returns 0 on success. */
QUENCH_API int quench_dtype_from_name(const char *name, quench_dtype *dtype);

/* Maps and validates an artifact; NULL on error. */
QUENCH_API quench_artifact *quench_artifact_load(const char *path);
QUENCH_API void quench_artifact_free(quench_artifact *artifact);
QUENCH_API const char *quench_artifact_manifest(const quench_artifact *artifact);
QUENCH_API size_t quench_artifact_num_inputs(const quench_artifact *artifact);
QUENCH_API size_t quench_artifact_num_outputs(const quench_artifact *artifact);

/* Describes input or output `index`: name, dtype, rank and dims (owned by
 * the artifact). Returns 0 on success. */
typedef struct quench_tensor_info {
  const char *name;
  quench_dtype dtype;
  size_t rank;
  const int64_t *shape;
  size_t bytes;
} quench_tensor_info;
QUENCH_API int quench_artifact_input(const quench_artifact *artifact, size_t index,
                                     quench_tensor_info *info);
QUENCH_API int quench_artifact_output(const quench_artifact *artifact, size_t index,
                                      quench_tensor_info *info);
/* Index of the input named `name`, or -1. */
QUENCH_API int64_t quench_artifact_find_input(const quench_artifact *artifact,
                                              const char *name);

typedef struct quench_session_options {
  /* Threads running the model, the caller's included; 0 = all cores. */
  size_t num_threads;
  /* GPU artifacts: launch kernel by kernel instead of replaying the forward
   * as a CUDA graph (captured at the first run). */
  int no_graph;
} quench_session_options;

/* Allocates the workspace and the outputs once and starts the threads. The
 * artifact must outlive the session. */
QUENCH_API quench_session *quench_session_create(const quench_artifact *artifact,
                                                 const quench_session_options *options);
QUENCH_API void quench_session_free(quench_session *session);
QUENCH_API size_t quench_session_num_threads(const quench_session *session);

/* Binds input `index` to caller memory (not copied; must stay valid until
 * the run returns). dtype and shape must match the manifest. */
QUENCH_API int quench_session_bind_input(quench_session *session, size_t index,
                                         const void *data, size_t bytes, quench_dtype dtype,
                                         size_t rank, const int64_t *shape);

/* Runs the model; every input must be bound. Allocates nothing. */
QUENCH_API int quench_session_run(quench_session *session);

/* Where the session runs: "cpu", or the GPU's name and architecture. */
QUENCH_API const char *quench_session_device(const quench_session *session);

/* Times `iterations` runs into seconds[0..iterations). CPU: whole runs.
 * GPU: one full run first, then the forward alone (no input or output
 * copies), each timed on the device with CUDA events. */
QUENCH_API int quench_session_time(quench_session *session, size_t iterations,
                                   double *seconds);

/* The session-owned buffer of output `index`, valid until the next run. */
QUENCH_API const void *quench_session_output(const quench_session *session, size_t index,
                                             size_t *bytes);

#ifdef __cplusplus
}
#endif

#endif /* QUENCH_RUNTIME_QUENCH_RUNTIME_H */
