// ffprobe and ffmpeg as subprocesses, with the demuxer forced to the type
// sniffed from the bytes (no playlists, no concat, no network protocols).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "media/meta.h"

namespace agora::media {

// The ffmpeg demuxer for a sniffed MIME type ("mov", "matroska", …); empty if none.
std::string demuxer_for(const std::string& mime);

// Streams of a file; throws Refused when ffprobe cannot read it.
StreamInfo probe(const std::filesystem::path& file, const std::string& demuxer);

// Runs ffmpeg with these arguments after the common safe ones; throws
// Refused when it fails or runs too long.
void run_ffmpeg(const std::vector<std::string>& args);

}  // namespace agora::media
