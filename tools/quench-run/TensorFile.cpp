//===- TensorFile.cpp - .npy and ONNX TensorProto files -------------------===//

#include "TensorFile.h"

#include <cmath>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <type_traits>

namespace quench::tools {

namespace {

bool slurp(const std::string &path, std::string &bytes, std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open";
    return false;
  }
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

float halfToFloat(uint16_t h) {
  uint32_t sign = (h >> 15) & 1, exp = (h >> 10) & 0x1F, mant = h & 0x3FF;
  float v;
  if (exp == 0)
    v = std::ldexp(static_cast<float>(mant), -24);
  else if (exp == 31)
    v = mant ? NAN : INFINITY;
  else
    v = std::ldexp(static_cast<float>(mant | 0x400), static_cast<int>(exp) - 25);
  return sign ? -v : v;
}

struct NpyType {
  const char *descr;
  quench_dtype dtype;
};
constexpr NpyType kNpyTypes[] = {
    {"<f4", QUENCH_FLOAT32}, {"<f8", QUENCH_FLOAT64}, {"<f2", QUENCH_FLOAT16},
    {"|i1", QUENCH_INT8},    {"<i2", QUENCH_INT16},   {"<i4", QUENCH_INT32},
    {"<i8", QUENCH_INT64},   {"|u1", QUENCH_UINT8},   {"<u2", QUENCH_UINT16},
    {"<u4", QUENCH_UINT32},  {"<u8", QUENCH_UINT64},  {"|b1", QUENCH_BOOL},
    {"<V2", QUENCH_BFLOAT16}};

size_t product(const std::vector<int64_t> &shape) {
  size_t n = 1;
  for (int64_t d : shape)
    n *= static_cast<size_t>(d);
  return n;
}

} // namespace

size_t HostTensor::elements() const { return product(shape); }

double HostTensor::at(size_t i) const {
  const char *p = data.data() + i * quench_dtype_size(dtype);
  auto load = [&](auto v) {
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  switch (dtype) {
  case QUENCH_FLOAT32: return load(float());
  case QUENCH_FLOAT64: return load(double());
  case QUENCH_FLOAT16: return halfToFloat(load(uint16_t()));
  case QUENCH_BFLOAT16: {
    uint32_t bits = static_cast<uint32_t>(load(uint16_t())) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
  }
  case QUENCH_INT8: return load(int8_t());
  case QUENCH_INT16: return load(int16_t());
  case QUENCH_INT32: return load(int32_t());
  case QUENCH_INT64: return static_cast<double>(load(int64_t()));
  case QUENCH_UINT8: return load(uint8_t());
  case QUENCH_UINT16: return load(uint16_t());
  case QUENCH_UINT32: return load(uint32_t());
  case QUENCH_UINT64: return static_cast<double>(load(uint64_t()));
  case QUENCH_BOOL: return load(uint8_t()) != 0;
  }
  return 0;
}

bool readTensor(const std::string &path, HostTensor &out, std::string &error) {
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".npy") == 0)
    return readNpy(path, out, error);
  if (path.size() >= 3 && path.compare(path.size() - 3, 3, ".pb") == 0)
    return readTensorProto(path, out, error);
  error = "unknown file type (expected .npy or .pb)";
  return false;
}

bool readNpy(const std::string &path, HostTensor &out, std::string &error) {
  std::string bytes;
  if (!slurp(path, bytes, error))
    return false;
  if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0) {
    error = "not a .npy file";
    return false;
  }
  unsigned major = static_cast<unsigned char>(bytes[6]);
  size_t headerLen, start;
  if (major == 1) {
    headerLen = static_cast<unsigned char>(bytes[8]) |
                (static_cast<unsigned char>(bytes[9]) << 8);
    start = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) {
      error = "truncated .npy header";
      return false;
    }
    uint32_t len;
    std::memcpy(&len, bytes.data() + 8, 4);
    headerLen = len;
    start = 12;
  } else {
    error = "unsupported .npy version " + std::to_string(major);
    return false;
  }
  if (start + headerLen > bytes.size()) {
    error = "truncated .npy header";
    return false;
  }
  std::string header = bytes.substr(start, headerLen);
  auto field = [&](const std::string &key) -> std::string {
    size_t at = header.find("'" + key + "'");
    if (at == std::string::npos)
      return "";
    at = header.find(':', at);
    return at == std::string::npos ? "" : header.substr(at + 1);
  };
  std::string descr = field("descr");
  size_t q1 = descr.find('\''), q2 = descr.find('\'', q1 + 1);
  if (q1 == std::string::npos || q2 == std::string::npos) {
    error = "no dtype in the .npy header";
    return false;
  }
  descr = descr.substr(q1 + 1, q2 - q1 - 1);
  if (descr == "<i1")
    descr = "|i1";
  if (descr == "<u1")
    descr = "|u1";
  if (descr == "<b1")
    descr = "|b1";
  bool known = false;
  for (const NpyType &t : kNpyTypes)
    if (descr == t.descr) {
      out.dtype = t.dtype;
      known = true;
    }
  if (!known) {
    error = "unsupported .npy dtype '" + descr + "'";
    return false;
  }
  if (field("fortran_order").find("True") == 0 ||
      field("fortran_order").find(" True") == 0) {
    error = "Fortran-order arrays are not supported (save with np.ascontiguousarray)";
    return false;
  }
  std::string shape = field("shape");
  size_t open = shape.find('('), close = shape.find(')');
  if (open == std::string::npos || close == std::string::npos) {
    error = "no shape in the .npy header";
    return false;
  }
  out.shape.clear();
  std::stringstream dims(shape.substr(open + 1, close - open - 1));
  for (std::string item; std::getline(dims, item, ',');) {
    if (item.find_first_not_of(" ") == std::string::npos)
      continue;
    out.shape.push_back(std::stoll(item));
  }
  size_t need = product(out.shape) * quench_dtype_size(out.dtype);
  size_t dataStart = start + headerLen;
  if (bytes.size() - dataStart != need) {
    error = "expected " + std::to_string(need) + " data bytes for the shape, found " +
            std::to_string(bytes.size() - dataStart);
    return false;
  }
  out.data.assign(bytes.begin() + dataStart, bytes.end());
  return true;
}

namespace {

/// A protobuf wire-format reader: just what TensorProto needs.
struct Wire {
  const unsigned char *p, *end;
  bool ok = true;
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= end) {
        ok = false;
        return 0;
      }
      unsigned char b = *p++;
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80))
        return v;
    }
    ok = false;
    return 0;
  }
  bool take(size_t n, const unsigned char *&at) {
    if (static_cast<size_t>(end - p) < n) {
      ok = false;
      return false;
    }
    at = p;
    p += n;
    return true;
  }
};

} // namespace

bool readTensorProto(const std::string &path, HostTensor &out, std::string &error) {
  std::string bytes;
  if (!slurp(path, bytes, error))
    return false;
  Wire w{reinterpret_cast<const unsigned char *>(bytes.data()),
         reinterpret_cast<const unsigned char *>(bytes.data()) + bytes.size()};
  std::vector<int64_t> dims;
  int64_t dataType = 0;
  std::string raw;
  bool hasRaw = false, external = false;
  std::vector<float> floats;
  std::vector<double> doubles;
  std::vector<int64_t> ints; // int32_data and int64_data
  std::vector<uint64_t> uints;
  while (w.ok && w.p < w.end) {
    uint64_t key = w.varint();
    unsigned field = key >> 3, type = key & 7;
    auto repeatedVarint = [&](auto push) {
      if (type == 2) {
        uint64_t len = w.varint();
        const unsigned char *at;
        if (!w.take(len, at))
          return;
        Wire inner{at, at + len};
        while (inner.ok && inner.p < inner.end)
          push(inner.varint());
        w.ok = inner.ok;
      } else {
        push(w.varint());
      }
    };
    // float_data / double_data: packed (one length-delimited run) or one
    // fixed-width value per key.
    auto repeatedFixed = [&](auto &into) {
      using T = typename std::decay_t<decltype(into)>::value_type;
      size_t len = type == 2 ? w.varint() : sizeof(T);
      const unsigned char *at;
      if (!w.take(len, at))
        return;
      for (size_t i = 0; i + sizeof(T) <= len; i += sizeof(T)) {
        T v;
        std::memcpy(&v, at + i, sizeof(T));
        into.push_back(v);
      }
    };
    if (field == 1) {
      repeatedVarint([&](uint64_t v) { dims.push_back(static_cast<int64_t>(v)); });
    } else if (field == 2 && type == 0) {
      dataType = static_cast<int64_t>(w.varint());
    } else if (field == 4) {
      repeatedFixed(floats);
    } else if (field == 10) {
      repeatedFixed(doubles);
    } else if (field == 5) {
      repeatedVarint([&](uint64_t v) { ints.push_back(static_cast<int32_t>(v)); });
    } else if (field == 7) {
      repeatedVarint([&](uint64_t v) { ints.push_back(static_cast<int64_t>(v)); });
    } else if (field == 11) {
      repeatedVarint([&](uint64_t v) { uints.push_back(v); });
    } else if (field == 9 && type == 2) {
      uint64_t len = w.varint();
      const unsigned char *at;
      if (!w.take(len, at))
        break;
      raw.assign(reinterpret_cast<const char *>(at), len);
      hasRaw = true;
    } else if (field == 14 && type == 0) {
      external = w.varint() == 1;
    } else {
      // Skip any other field.
      if (type == 0)
        w.varint();
      else if (type == 1 || type == 5) {
        const unsigned char *at;
        w.take(type == 1 ? 8 : 4, at);
      } else if (type == 2) {
        uint64_t len = w.varint();
        const unsigned char *at;
        w.take(len, at);
      } else {
        w.ok = false;
      }
    }
  }
  if (!w.ok) {
    error = "not a valid ONNX TensorProto (truncated or corrupt)";
    return false;
  }
  if (external) {
    error = "tensors with external data are not supported here";
    return false;
  }
  static const std::pair<int64_t, quench_dtype> kTypes[] = {
      {1, QUENCH_FLOAT32}, {2, QUENCH_UINT8},   {3, QUENCH_INT8},    {4, QUENCH_UINT16},
      {5, QUENCH_INT16},   {6, QUENCH_INT32},   {7, QUENCH_INT64},   {9, QUENCH_BOOL},
      {10, QUENCH_FLOAT16}, {11, QUENCH_FLOAT64}, {12, QUENCH_UINT32}, {13, QUENCH_UINT64},
      {16, QUENCH_BFLOAT16}};
  bool known = false;
  for (auto [code, dtype] : kTypes)
    if (code == dataType) {
      out.dtype = dtype;
      known = true;
    }
  if (!known) {
    error = "unsupported ONNX data type " + std::to_string(dataType);
    return false;
  }
  out.shape = dims;
  size_t n = product(dims), size = quench_dtype_size(out.dtype);
  out.data.assign(n * size, 0);
  auto fill = [&](size_t count, auto get) {
    if (count != n) {
      error = "holds " + std::to_string(count) + " values for a shape of " +
              std::to_string(n) + " elements";
      return false;
    }
    for (size_t i = 0; i < n; ++i)
      get(i, out.data.data() + i * size);
    return true;
  };
  if (hasRaw) {
    if (raw.size() % size != 0) {
      error = "raw_data holds " + std::to_string(raw.size()) + " bytes, not a whole number of " +
              std::to_string(size) + "-byte elements";
      return false;
    }
    return fill(raw.size() / size, [&](size_t i, char *dst) {
      std::memcpy(dst, raw.data() + i * size, size);
    });
  }
  switch (out.dtype) {
  case QUENCH_FLOAT32:
    return fill(floats.size(), [&](size_t i, char *d) { std::memcpy(d, &floats[i], 4); });
  case QUENCH_FLOAT64:
    return fill(doubles.size(), [&](size_t i, char *d) { std::memcpy(d, &doubles[i], 8); });
  case QUENCH_UINT32:
  case QUENCH_UINT64:
    return fill(uints.size(), [&](size_t i, char *d) { std::memcpy(d, &uints[i], size); });
  default:
    // int32_data carries int8..int32, bool, uint8/16 and the bits of
    // f16/bf16; int64_data carries int64. Little-endian truncation.
    return fill(ints.size(), [&](size_t i, char *d) { std::memcpy(d, &ints[i], size); });
  }
}

bool writeNpy(const std::string &path, const HostTensor &tensor, std::string &error) {
  const char *descr = nullptr;
  for (const NpyType &t : kNpyTypes)
    if (t.dtype == tensor.dtype)
      descr = t.descr;
  std::string shape = "(";
  for (int64_t d : tensor.shape)
    shape += std::to_string(d) + ", ";
  if (tensor.shape.size() > 1)
    shape.resize(shape.size() - 2);
  else if (tensor.shape.size() == 1)
    shape.resize(shape.size() - 1);
  shape += ")";
  std::string header = "{'descr': '" + std::string(descr) +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::ofstream os(path, std::ios::binary);
  if (!os) {
    error = std::string("cannot write: ") + std::strerror(errno);
    return false;
  }
  uint16_t len = static_cast<uint16_t>(header.size());
  os.write("\x93NUMPY\x01\x00", 8);
  os.put(static_cast<char>(len & 0xFF));
  os.put(static_cast<char>(len >> 8));
  os << header;
  os.write(tensor.data.data(), tensor.data.size());
  if (!os) {
    error = "write failed";
    return false;
  }
  return true;
}

} // namespace quench::tools
