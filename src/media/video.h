// Video, animated GIFs (as gifv) and audio through ffmpeg.
#pragma once
#include <string>
#include <string_view>

#include "media/content_type.h"
#include "media/processing.h"

namespace agora::media {

// Transcodes to H.264/AAC MP4 within Mastodon's limits (or copies streams
// that already are), with a PNG still of the first frame as the preview.
// An upload whose container holds only audio is processed as audio.
Processed process_video(std::string_view bytes, const ContentType& type);

// An animated GIF as a silent looping MP4 ("gifv").
Processed process_gifv(std::string_view bytes);

// Audio to MP3 with its duration and bit rate.
Processed process_audio(std::string_view bytes, const ContentType& type);

}  // namespace agora::media
