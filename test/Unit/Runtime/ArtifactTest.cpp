//===- ArtifactTest.cpp - writing, loading and running artifacts ----------===//
//
// Artifacts are built here with the runtime's writer around FakeModel (a
// hand-written shared object with the model ABI), then loaded and run through
// the C API; corrupted copies must fail to load with a message that names the
// problem.
//
//===----------------------------------------------------------------------===//

#include "quench/runtime/ArtifactFormat.h"
#include "quench/runtime/ArtifactWriter.h"
#include "quench/runtime/quench_runtime.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace quench::runtime;

namespace {

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeFile(const std::string &path, const std::string &bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), bytes.size());
}

std::string manifest(const std::string &entry = "\"entry\": \"quench_main\", ",
                     const std::string &extra = "") {
  return "{\"format\": \"quench-artifact\", \"version\": 1, " + entry +
         "\"target\": {\"triple\": \"x86_64-pc-linux-gnu\", \"features\": \"+sse2\"}, "
         "\"inputs\": [{\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [1000]}], "
         "\"outputs\": [{\"name\": \"y\", \"dtype\": \"float32\", \"shape\": [1000]}], "
         "\"weights_bytes\": 4, \"workspace_bytes\": 64" +
         extra + "}";
}

class Artifact : public ::testing::Test {
protected:
  void SetUp() override {
    char pattern[] = "/tmp/quench-artifact-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir = pattern;
    code = readFile(QUENCH_FAKE_MODEL);
    ASSERT_FALSE(code.empty()) << QUENCH_FAKE_MODEL;
  }
  void TearDown() override {
    std::string cmd = "rm -rf '" + dir + "'";
    (void)std::system(cmd.c_str());
  }

  std::string write(const std::string &name, const std::string &json,
                    const std::string *otherCode = nullptr) {
    std::string path = dir + "/" + name;
    const std::string &bytes = otherCode ? *otherCode : code;
    float weight = 3.0f;
    std::string error;
    EXPECT_TRUE(writeArtifact(path, json, bytes.data(), bytes.size(), &weight, sizeof weight,
                              error))
        << error;
    return path;
  }

  /// Runs a loaded artifact once on x[i] = i and returns y[5].
  static float runOnce(quench_artifact *a) {
    quench_session *s = quench_session_create(a, nullptr);
    EXPECT_NE(s, nullptr) << quench_last_error();
    if (!s)
      return -1;
    std::vector<float> x(1000);
    for (size_t i = 0; i < x.size(); ++i)
      x[i] = static_cast<float>(i);
    int64_t shape[] = {1000};
    EXPECT_EQ(quench_session_bind_input(s, 0, x.data(), 4000, QUENCH_FLOAT32, 1, shape), 0);
    EXPECT_EQ(quench_session_run(s), 0) << quench_last_error();
    float y5 = static_cast<const float *>(quench_session_output(s, 0, nullptr))[5];
    quench_session_free(s);
    return y5;
  }

  /// Loads `path`, expects failure, returns the error message.
  static std::string loadError(const std::string &path) {
    quench_artifact *a = quench_artifact_load(path.c_str());
    EXPECT_EQ(a, nullptr) << path << " loaded";
    if (a)
      quench_artifact_free(a);
    return quench_last_error();
  }

  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    if (DIR *d = opendir(dir.c_str())) {
      while (dirent *e = readdir(d))
        if (e->d_name[0] != '.')
          names.push_back(e->d_name);
      closedir(d);
    }
    return names;
  }

  std::string dir, code;
};

TEST_F(Artifact, WriterLayout) {
  std::string path = write("model.qz", manifest());
  std::string bytes = readFile(path);
  ASSERT_GE(bytes.size(), sizeof(Header));
  Header header;
  std::memcpy(&header, bytes.data(), sizeof header);
  EXPECT_EQ(std::memcmp(header.magic, kMagic, 8), 0);
  EXPECT_EQ(header.formatVersion, kFormatVersion);
  EXPECT_EQ(header.fileSize, bytes.size());
  ASSERT_EQ(header.numSections, 3u);
  for (uint32_t i = 0; i < header.numSections; ++i) {
    SectionEntry s;
    std::memcpy(&s, bytes.data() + sizeof header + i * sizeof s, sizeof s);
    EXPECT_EQ(s.offset % kSectionAlignment, 0u) << s.name;
    EXPECT_LE(s.offset + s.size, bytes.size()) << s.name;
    if (std::string(s.name) == "manifest") {
      EXPECT_EQ(bytes.substr(s.offset, s.size), manifest());
    }
    if (std::string(s.name) == "code") {
      EXPECT_EQ(bytes.substr(s.offset, s.size), code);
    }
  }
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(Artifact, WriterReplacesAtomicallyAndFailsCleanly) {
  std::string path = dir + "/model.qz";
  writeFile(path, "old contents");
  write("model.qz", manifest());
  EXPECT_EQ(readFile(path).substr(0, 8), std::string(kMagic, 8));
  EXPECT_EQ(entries(), std::vector<std::string>{"model.qz"}); // no temporary left

  std::string error;
  float w = 0;
  EXPECT_FALSE(writeArtifact(dir + "/no/such/dir/model.qz", manifest(), code.data(),
                             code.size(), &w, sizeof w, error));
  EXPECT_NE(error.find("cannot create"), std::string::npos) << error;
  EXPECT_EQ(entries(), std::vector<std::string>{"model.qz"});
}

TEST_F(Artifact, LoadsDescribesAndRuns) {
  std::string path = write("model.qz", manifest());
  quench_artifact *a = quench_artifact_load(path.c_str());
  ASSERT_NE(a, nullptr) << quench_last_error();
  EXPECT_EQ(quench_artifact_num_inputs(a), 1u);
  EXPECT_EQ(quench_artifact_num_outputs(a), 1u);
  EXPECT_EQ(quench_artifact_find_input(a, "x"), 0);
  EXPECT_EQ(quench_artifact_find_input(a, "nope"), -1);
  quench_tensor_info info;
  ASSERT_EQ(quench_artifact_input(a, 0, &info), 0);
  EXPECT_STREQ(info.name, "x");
  EXPECT_EQ(info.dtype, QUENCH_FLOAT32);
  ASSERT_EQ(info.rank, 1u);
  EXPECT_EQ(info.shape[0], 1000);
  EXPECT_NE(quench_artifact_output(a, 1, &info), 0);
  EXPECT_NE(std::string(quench_last_error()).find("out of range"), std::string::npos);

  for (size_t threads : {1, 2, 4}) {
    quench_session_options options{threads, 0};
    quench_session *s = quench_session_create(a, &options);
    ASSERT_NE(s, nullptr) << quench_last_error();
    EXPECT_EQ(quench_session_num_threads(s), threads);
    std::vector<float> x(1000);
    for (size_t i = 0; i < x.size(); ++i)
      x[i] = static_cast<float>(i);
    int64_t shape[] = {1000};
    EXPECT_NE(quench_session_run(s), 0); // input not bound yet
    EXPECT_NE(std::string(quench_last_error()).find("'x' is not bound"), std::string::npos);
    ASSERT_EQ(quench_session_bind_input(s, 0, x.data(), x.size() * 4, QUENCH_FLOAT32, 1, shape),
              0)
        << quench_last_error();
    for (int run = 0; run < 3; ++run) {
      ASSERT_EQ(quench_session_run(s), 0) << quench_last_error();
      const float *y = static_cast<const float *>(quench_session_output(s, 0, nullptr));
      ASSERT_NE(y, nullptr);
      for (size_t i = 0; i < x.size(); ++i)
        ASSERT_EQ(y[i], x[i] * 3.0f + 1.0f) << "threads " << threads << " i " << i;
    }
    quench_session_free(s);
  }
  quench_artifact_free(a);
}

TEST_F(Artifact, BindRejectsWrongInputs) {
  std::string path = write("model.qz", manifest());
  quench_artifact *a = quench_artifact_load(path.c_str());
  ASSERT_NE(a, nullptr) << quench_last_error();
  quench_session *s = quench_session_create(a, nullptr);
  ASSERT_NE(s, nullptr);
  std::vector<float> x(1000);
  int64_t good[] = {1000}, bad[] = {999};
  EXPECT_NE(quench_session_bind_input(s, 0, x.data(), 4000, QUENCH_FLOAT64, 1, good), 0);
  EXPECT_NE(std::string(quench_last_error()).find("expected float32"), std::string::npos)
      << quench_last_error();
  EXPECT_NE(quench_session_bind_input(s, 0, x.data(), 3996, QUENCH_FLOAT32, 1, bad), 0);
  EXPECT_NE(std::string(quench_last_error()).find("'x'"), std::string::npos);
  EXPECT_NE(quench_session_bind_input(s, 1, x.data(), 4000, QUENCH_FLOAT32, 1, good), 0);
  EXPECT_NE(std::string(quench_last_error()).find("out of range"), std::string::npos);
  EXPECT_NE(quench_session_bind_input(s, 0, nullptr, 4000, QUENCH_FLOAT32, 1, good), 0);
  EXPECT_NE(quench_session_bind_input(s, 0, x.data(), 4000, QUENCH_FLOAT32, 1, nullptr), 0);
  quench_session_free(s);
  quench_artifact_free(a);
}

// Two artifacts with different code, loaded at once or one after the
// other, each run their own code (the loader names each code object
// uniquely; dlopen would otherwise return an object already loaded under the
// same name).
TEST_F(Artifact, EachArtifactRunsItsOwnCode) {
  std::string code2 = readFile(QUENCH_FAKE_MODEL2);
  ASSERT_FALSE(code2.empty());
  std::string one = write("one.qz", manifest()), two = write("two.qz", manifest(), &code2);
  quench_artifact *a = quench_artifact_load(one.c_str());
  ASSERT_NE(a, nullptr) << quench_last_error();
  quench_artifact *b = quench_artifact_load(two.c_str());
  ASSERT_NE(b, nullptr) << quench_last_error();
  EXPECT_EQ(runOnce(a), 5 * 3.0f + 1);
  EXPECT_EQ(runOnce(b), 5 * 3.0f + 2);
  quench_artifact_free(a);
  quench_artifact_free(b);
  for (int round = 0; round < 4; ++round) {
    quench_artifact *c = quench_artifact_load((round % 2 ? two : one).c_str());
    ASSERT_NE(c, nullptr) << quench_last_error();
    EXPECT_EQ(runOnce(c), 5 * 3.0f + (round % 2 ? 2 : 1)) << "round " << round;
    quench_artifact_free(c);
  }
}

// Every corruption fails to load with a message naming the file and the
// problem; none crashes.
TEST_F(Artifact, BadArtifactsAreRejected) {
  std::string good = readFile(write("good.qz", manifest()));
  auto corrupt = [&](const std::string &name, const std::string &bytes) {
    std::string path = dir + "/" + name;
    writeFile(path, bytes);
    std::string error = loadError(path);
    EXPECT_NE(error.find(path), std::string::npos) << error;
    return error;
  };
  auto has = [](const std::string &error, const char *what) {
    return error.find(what) != std::string::npos;
  };
  Header header;
  std::memcpy(&header, good.data(), sizeof header);

  EXPECT_TRUE(has(loadError(dir + "/missing.qz"), "cannot open"));
  EXPECT_TRUE(has(corrupt("empty.qz", ""), "too small"));
  std::string magic = good;
  magic[0] = 'X';
  EXPECT_TRUE(has(corrupt("magic.qz", magic), "bad magic"));
  std::string version = good;
  uint32_t v2 = 2;
  std::memcpy(&version[8], &v2, 4);
  EXPECT_TRUE(has(corrupt("version.qz", version), "format version 2"));
  EXPECT_TRUE(has(corrupt("truncated.qz", good.substr(0, good.size() - 100)), "truncated"));

  auto withSection = [&](uint32_t index, uint64_t offset, uint64_t size) {
    std::string bytes = good;
    SectionEntry s;
    size_t at = sizeof header + index * sizeof s;
    std::memcpy(&s, &bytes[at], sizeof s);
    s.offset = offset;
    s.size = size;
    std::memcpy(&bytes[at], &s, sizeof s);
    return bytes;
  };
  SectionEntry first;
  std::memcpy(&first, good.data() + sizeof header, sizeof first);
  SectionEntry second;
  std::memcpy(&second, good.data() + sizeof header + sizeof first, sizeof second);
  EXPECT_TRUE(has(corrupt("outside.qz", withSection(0, good.size() - 8, 64)), "outside the file"));
  EXPECT_TRUE(has(corrupt("huge.qz", withSection(0, 4096, ~uint64_t(0) - 100)),
                  "outside the file"));
  EXPECT_TRUE(has(corrupt("overlap.qz", withSection(1, first.offset, second.size)), "overlaps"));
  std::string renamed = good;
  std::memcpy(&renamed[sizeof header], "nonsense\0\0\0\0\0\0\0", 16);
  EXPECT_TRUE(has(corrupt("renamed.qz", renamed), "missing section"));

  auto withManifest = [&](const std::string &json) {
    return readFile(write("tmp.qz", json));
  };
  EXPECT_TRUE(has(corrupt("json.qz", withManifest("{\"format\": ")), "manifest:"));
  EXPECT_TRUE(has(corrupt("entry.qz", withManifest(manifest(""))), "\"entry\""));
  EXPECT_TRUE(has(corrupt("symbol.qz", withManifest(manifest("\"entry\": \"nope\", "))),
                  "nope"));
  std::string wrongWeights = manifest();
  wrongWeights.replace(wrongWeights.find("\"weights_bytes\": 4"), 18, "\"weights_bytes\": 8");
  EXPECT_TRUE(has(corrupt("wbytes.qz", withManifest(wrongWeights)), "weight bytes"));
  std::string badDtype = manifest();
  badDtype.replace(badDtype.find("\"float32\""), 9, "\"float99\"");
  EXPECT_TRUE(has(corrupt("dtype.qz", withManifest(badDtype)), "unknown dtype 'float99'"));
  std::string badTarget = manifest();
  badTarget.replace(badTarget.find("x86_64-pc-linux-gnu"), 19, "aarch64-linux-gnu");
  EXPECT_TRUE(has(corrupt("target.qz", withManifest(badTarget)), "aarch64"));
  if (!__builtin_cpu_supports("avx512f")) {
    std::string badFeature = manifest();
    badFeature.replace(badFeature.find("+sse2"), 5, "+avx512f");
    EXPECT_TRUE(has(corrupt("feature.qz", withManifest(badFeature)), "avx512f"));
  }

  std::string badCode = good;
  SectionEntry codeSection{};
  for (uint32_t i = 0; i < 3; ++i) {
    SectionEntry s;
    std::memcpy(&s, good.data() + sizeof header + i * sizeof s, sizeof s);
    if (std::string(s.name) == "code")
      codeSection = s;
  }
  ASSERT_GT(codeSection.size, 64u);
  std::memset(&badCode[codeSection.offset], 0x5a, 64); // not ELF any more
  EXPECT_TRUE(has(corrupt("code.qz", badCode), "cannot load the code"));
}

/// GPU artifacts: the "ptx" section and the kernel table are checked on
/// load; without a usable CUDA driver a session fails naming the target.
TEST_F(Artifact, GpuArtifacts) {
  auto gpuManifest = [](const std::string &kernels) {
    std::string json = manifest("\"entry\": \"quench_main\", ", ", \"kernels\": " + kernels);
    const std::string target = "\"features\": \"+sse2\"}";
    json.replace(json.find(target), target.size(),
                 "\"features\": \"+sse2\", \"device\": \"nvptx\", \"gpu_arch\": \"sm_90\"}");
    return json;
  };
  auto writeGpu = [&](const std::string &name, const std::string &json, bool withPtx) {
    std::string path = dir + "/" + name;
    float weight = 3.0f;
    std::string error;
    std::vector<quench::runtime::ExtraSection> extra;
    if (withPtx)
      extra.push_back({"ptx", ".version 8.0\n"});
    EXPECT_TRUE(writeArtifact(path, json, code.data(), code.size(), &weight, sizeof weight,
                              error, extra))
        << error;
    return path;
  };
  auto has = [](const std::string &error, const char *what) {
    return error.find(what) != std::string::npos;
  };

  std::string path = writeGpu("gpu.qz", gpuManifest("[]"), true);
  std::string bytes = readFile(path);
  Header header;
  std::memcpy(&header, bytes.data(), sizeof header);
  EXPECT_EQ(header.numSections, 4u);

  EXPECT_TRUE(has(loadError(writeGpu("noptx.qz", gpuManifest("[]"), false)),
                  "has no \"ptx\" section"));
  EXPECT_TRUE(has(loadError(writeGpu("badkernel.qz", gpuManifest("[{\"name\": \"k0\"}]"), true)),
                  "kernel 0 needs a name, grid [x, y, z], block [x, y, z] and params"));
  // The fake model's code has no launch hook: kernels it could not launch.
  EXPECT_TRUE(has(loadError(writeGpu(
                      "nohook.qz",
                      gpuManifest("[{\"name\": \"k0\", \"grid\": [1, 1, 1], "
                                  "\"block\": [32, 1, 1], \"params\": 2}]"),
                      true)),
                  "quench_gpu_launch_hook"));
  std::string unknown = gpuManifest("[]");
  unknown.replace(unknown.find("\"nvptx\""), 7, "\"rocm\"");
  EXPECT_TRUE(has(loadError(writeGpu("rocm.qz", unknown, true)), "unknown \"target.device\""));

  // No kernels: the artifact loads anywhere; a session needs the driver.
  quench_artifact *a = quench_artifact_load(path.c_str());
  ASSERT_NE(a, nullptr) << quench_last_error();
  quench_session *s = quench_session_create(a, nullptr);
  if (!s) {
    EXPECT_TRUE(has(quench_last_error(), "compiled for an NVIDIA GPU (nvptx sm_90)"))
        << quench_last_error();
  } else {
    EXPECT_NE(std::string(quench_session_device(s)), "cpu");
    quench_session_free(s);
  }
  quench_artifact_free(a);
}

} // namespace
