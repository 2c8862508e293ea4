//===- OutputPath.cpp - checks on where a tool will write -----------------===//

#include "quench/Support/OutputPath.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace quench {

std::string checkOutputPath(StringRef output, ArrayRef<std::string> inputs) {
  if (output == "-")
    return "";
  if (output.empty())
    return "no output file given";
  if (sys::fs::is_directory(output))
    return (output + ": is a folder; give a file name").str();
  // equivalent() compares device and inode: `../x`, links and hard links to
  // an input are caught, not only the same spelling.
  if (sys::fs::exists(output))
    for (const std::string &input : inputs)
      if (sys::fs::exists(input) && sys::fs::equivalent(input, output))
        return (output + ": the output would overwrite the input " + input).str();
  SmallString<256> folder(output);
  sys::path::remove_filename(folder);
  if (folder.empty())
    folder = ".";
  if (!sys::fs::exists(folder))
    return (output + ": the folder '" + folder + "' does not exist").str();
  if (!sys::fs::is_directory(folder))
    return (output + ": '" + folder + "' is not a folder").str();
  if (sys::fs::access(folder, sys::fs::AccessMode::Write))
    return (output + ": the folder '" + folder + "' is not writable").str();
  return "";
}

} // namespace quench
