//===- ArtifactWriter.cpp - writes a .qz artifact -------------------------===//

#include "quench/runtime/ArtifactWriter.h"

#include "quench/runtime/ArtifactFormat.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace quench::runtime {

namespace {
uint64_t alignUp(uint64_t v) {
  return (v + kSectionAlignment - 1) / kSectionAlignment * kSectionAlignment;
}
} // namespace

bool writeArtifact(const std::string &path, const std::string &manifestJson, const void *code,
                   size_t codeSize, const void *weights, size_t weightsSize,
                   std::string &error, const std::vector<ExtraSection> &extra) {
  struct Part {
    const char *name;
    const void *data;
    size_t size;
  };
  std::vector<Part> parts = {{"manifest", manifestJson.data(), manifestJson.size()},
                             {"code", code, codeSize},
                             {"weights", weights, weightsSize}};
  for (const ExtraSection &section : extra) {
    if (section.name.empty() || section.name.size() >= sizeof SectionEntry{}.name) {
      error = "section name '" + section.name + "' must have 1 to 15 characters";
      return false;
    }
    parts.push_back({section.name.c_str(), section.data.data(), section.data.size()});
  }
  const uint32_t n = static_cast<uint32_t>(parts.size());
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.formatVersion = kFormatVersion;
  header.numSections = n;
  std::vector<SectionEntry> table(n);
  uint64_t offset = alignUp(sizeof(Header) + n * sizeof(SectionEntry));
  for (uint32_t i = 0; i < n; ++i) {
    std::strncpy(table[i].name, parts[i].name, sizeof table[i].name);
    table[i].offset = offset;
    table[i].size = parts[i].size;
    offset = alignUp(offset + parts[i].size);
  }
  header.fileSize = table[n - 1].offset + table[n - 1].size;

  std::string tmp = path + ".tmp-XXXXXX";
  std::vector<char> name(tmp.begin(), tmp.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = std::string("cannot create a file next to it: ") + std::strerror(errno);
    return false;
  }
  // mkstemp creates the file 0600; an artifact is an ordinary readable file.
  (void)fchmod(fd, 0644);
  FILE *f = fdopen(fd, "wb");
  bool ok = f != nullptr;
  auto put = [&](const void *data, size_t size) {
    ok = ok && (size == 0 || std::fwrite(data, 1, size, f) == size);
  };
  auto padTo = [&](uint64_t at) {
    static const char zeros[4096] = {};
    long here = ok ? std::ftell(f) : 0;
    while (ok && static_cast<uint64_t>(here) < at) {
      size_t step = std::min<uint64_t>(sizeof zeros, at - here);
      put(zeros, step);
      here += step;
    }
  };
  put(&header, sizeof header);
  put(table.data(), n * sizeof(SectionEntry));
  for (uint32_t i = 0; i < n; ++i) {
    padTo(table[i].offset);
    put(parts[i].data, parts[i].size);
  }
  if (f)
    ok = (std::fclose(f) == 0) && ok;
  else
    close(fd);
  if (!ok || std::rename(name.data(), path.c_str()) != 0) {
    error = std::string("cannot write: ") + std::strerror(errno);
    std::remove(name.data());
    return false;
  }
  return true;
}

} // namespace quench::runtime
