#include "audio/audio_file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "audio/levels.h"
#include "audio_test_signals.h"

namespace lofi {
namespace {

namespace fs = std::filesystem;

fs::path tempFolder() {
  fs::path folder = fs::temp_directory_path() / ("lofi-audio-file-test-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  return folder;
}

TEST(AudioFile, WavRoundTripKeepsSamplesToSixteenBits) {
  const AudioBuffer original = test::sine(440, 0.25, 0.5, 44100, 2);
  const fs::path path = tempFolder() / "tone.wav";
  writeAudioFile(path.string(), original);
  const AudioBuffer decoded = readAudioFile(path.string());
  ASSERT_EQ(decoded.sampleRate, 44100);
  ASSERT_EQ(decoded.channels, 2);
  ASSERT_EQ(decoded.frames(), original.frames());
  for (std::size_t i = 0; i < original.samples.size(); i += 97)
    EXPECT_NEAR(decoded.samples[i], original.samples[i], 1.0 / 32768 + 1e-6);
}

TEST(AudioFile, OggVorbisKeepsTheToneAndIsSmallerThanWav) {
  const AudioBuffer original = test::sine(440, 1.0, 0.5);
  const auto ogg = encodeAudio(original, AudioFormat::OggVorbis, {0.3});
  const auto wav = encodeAudio(original, AudioFormat::Wav);
  EXPECT_LT(ogg.size() * 5, wav.size());
  const AudioBuffer decoded = decodeAudio(ogg, "tone.ogg");
  EXPECT_NEAR(static_cast<double>(decoded.frames()), static_cast<double>(original.frames()), 2048);
  EXPECT_NEAR(rmsDbfs(decoded), rmsDbfs(original), 0.5);
  const double at440 = test::toneMagnitude(decoded.samples, 440, 44100);
  const double at1000 = test::toneMagnitude(decoded.samples, 1000, 44100);
  EXPECT_GT(gainToDb(at440) - gainToDb(at1000), 40.0);
}

TEST(AudioFile, LongAudioEncodesToOgg) {
  // A minute of stereo: libvorbis once crashed when given it in one piece.
  const AudioBuffer original = test::sine(220, 60.0, 0.3, 44100, 2);
  const AudioBuffer decoded = decodeAudio(encodeAudio(original, AudioFormat::OggVorbis, {0.1}), "long.ogg");
  EXPECT_EQ(decoded.frames(), original.frames());
}

TEST(AudioFile, Mp3EncodesAndDecodes) {
  const AudioBuffer original = test::sine(440, 1.0, 0.5);
  const auto mp3 = encodeAudio(original, AudioFormat::Mp3, {0.3});
  ASSERT_GT(mp3.size(), 1000u);
  const AudioBuffer decoded = decodeAudio(mp3, "tone.mp3");
  EXPECT_NEAR(rmsDbfs(decoded), rmsDbfs(original), 1.0);
}

TEST(AudioFile, UnknownExtensionIsAClearErrorAndWritesNothing) {
  const fs::path path = tempFolder() / "tone.flac2";
  try {
    writeAudioFile(path.string(), test::sine(440, 0.1));
    FAIL() << "expected an error";
  } catch (const AudioFileError& error) {
    EXPECT_NE(std::string(error.what()).find("tone.flac2"), std::string::npos);
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST(AudioFile, GarbageIsNotDecoded) {
  const std::vector<std::uint8_t> garbage(1000, 0x5A);
  EXPECT_THROW(decodeAudio(garbage, "garbage.ogg"), AudioFileError);
}

}  // namespace
}  // namespace lofi
