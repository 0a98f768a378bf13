#include "music/classic/music21_instruments.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lofi::m21 {
namespace {

// instrumentLookup's English, best-name and abbreviation tables: lower-case
// words -> class. One "key=Class" pair per line.
constexpr std::string_view kNameTable = R"(a sax=AltoSaxophone
ac b=AcousticBass
ac gtr=AcousticGuitar
acc=Accordion
accdn=Accordion
arp=Harp
b cl=BassClarinet
b dr=BassDrum
bag=Bagpipes
bar=Baritone
bar sax=BaritoneSaxophone
bcl=BassClarinet
bgo dr=BongoDrums
bj=Banjo
bjo=Banjo
bkl=BassClarinet
bn=Bassoon
br=Viola
bs=Bassoon
bs cl=BassClarinet
bsn=Bassoon
bssn=Bassoon
c bsn=Contrabassoon
c c=SnareDrum
cas=Castanets
casts=Castanets
cb=Contrabass
cbsn=Contrabassoon
cel=Celesta
cga dr=CongaDrum
ch=Choir
cl=Clarinet
clst=Celesta
clv=Clavichord
clvd=Clavichord
cor=Horn
cor ang=EnglishHorn
cr tr=BassDrum
cwb=Cowbell
cym=CrashCymbals
e gtr=ElectricGuitar
e h=EnglishHorn
e hn=EnglishHorn
elec b=ElectricBass
elec gtr=ElectricGuitar
elec org=ElectricOrgan
eng hn=EnglishHorn
fag=Bassoon
fg=Bassoon
fing cym=FingerCymbals
fl=Flute
g c=BassDrum
glck=Glockenspiel
glock=Glockenspiel
glsp=Glockenspiel
gng=Gong
gr cassa=BassDrum
gsp=Glockenspiel
hb=Oboe
hmca=Harmonica
hn=Horn
hp=Harp
hpd=Harpsichord
hpe=Harp
hpschd=Harpsichord
hrp=Harp
k dr=Timpani
kal=Kalimba
kas=Castanets
kl=Clarinet
mand=Mandolin
mar=Marimba
mdln=Mandolin
mez=MezzoSoprano
mezz=MezzoSoprano
mz=MezzoSoprano
ob=Oboe
oc=Ocarina
p fl=PanFlute
p org=PipeOrgan
pf=Piano
pfte=Piano
pic=Piccolo
picc=Piccolo
pk=Timpani
pno=Piano
rec=Recorder
s=Soprano
s sax=SopranoSaxophone
sand bl=SandpaperBlocks
sax=Saxophone
sax a=AltoSaxophone
shk fl=Shakuhachi
shn=Shehnai
sit=Sitar
sn dr=SnareDrum
st dr=SteelDrum
t=Tenor
t sax=TenorSaxophone
tamb=Tambourine
tamtam=Gong
tb=Tuba
tba=Tuba
tbe=Trumpet
tbni=Trombone
temp bl=TempleBlock
ten dr=TenorDrum
tim=Timbales
timp=Timpani
tmbn=Tambourine
tpt=Trumpet
tr=Trumpet
trb=Trombone
trgl=Triangle
tri=Triangle
uke=Ukulele
v=Vocalist
va=Viola
vc=Violoncello
vcelle=Violoncello
vcl=Violoncello
vib=Vibraphone
vibes=Vibraphone
vibr=Vibraphone
vio=Violin
vl=Violin
vla=Viola
vlc=Violoncello
vln=Violin
vlon=Violin
vn=Violin
vni=Violin
voc=Vocalist
wd bl=Woodblock
whs=Whistle
windmachine=WindMachine
xil=Xylophone
xyl=Xylophone
accordion=Accordion
acoustic bass=AcousticBass
acoustic guitar=AcousticGuitar
agogo=Agogo
alto=Alto
alto saxophone=AltoSaxophone
bagpipe=Bagpipes
bagpipes=Bagpipes
banjo=Banjo
baritone=Baritone
baritone saxophone=BaritoneSaxophone
bass=Bass
bass clarinet=BassClarinet
bass drum=BassDrum
bass trombone=BassTrombone
bassoon=Bassoon
bassoons=Bassoon
bell lira=Glockenspiel
bell lyre=Glockenspiel
bongo drums=BongoDrums
brass instrument=BrassInstrument
bullseye gong=TamTam
castanets=Castanets
celesta=Celesta
celeste=Celesta
cello=Violoncello
cellos=Violoncello
chau gong=TamTam
chimes=Glockenspiel
choir=Choir
church bells=ChurchBells
clarinet=Clarinet
clarinets=Clarinet
clavichord=Clavichord
conductor=Conductor
conga drum=CongaDrum
contrabass=Contrabass
contrabasses=Contrabass
contrabassoon=Contrabassoon
contrabassoons=Contrabassoon
cor anglais=EnglishHorn
cowbells=Cowbell
crash cymbals=CrashCymbals
cymbals=Cymbals
double bass=Contrabass
double basses=Contrabass
dulcimer=Dulcimer
electric bass=ElectricBass
electric guitar=ElectricGuitar
electric organ=ElectricOrgan
electric piano=ElectricPiano
english horn=EnglishHorn
english horns=EnglishHorn
finger cymbals=FingerCymbals
flute=Flute
flutes=Flute
french horn=Horn
french horns=Horn
fretless bass=FretlessBass
glockenspiel=Glockenspiel
gong=Gong
guitar=AcousticGuitar
handbells=Handbells
harmonica=Harmonica
harp=Harp
harps=Harp
harpsichord=Harpsichord
hi-hat=HiHatCymbal
hi-hat cymbal=HiHatCymbal
horn=Horn
jingle bells=SleighBells
kalimba=Kalimba
keyboard instrument=KeyboardInstrument
kettle drums=Timpani
koto=Koto
lute=Lute
mandolin=Mandolin
maracas=Maracas
marimba=Marimba
marine=Tambourine
mezzo-soprano=MezzoSoprano
mouth organ=Harmonica
oboe=Oboe
oboes=Oboe
ocarina=Ocarina
octave flute=Piccolo
orchestra bells=Glockenspiel
organ=Organ
pailas criollas=Timbales
pan=SteelDrum
pan flute=PanFlute
pan pipe=PanFlute
panflute=PanFlute
panpipes=PanFlute
percussion=Percussion
percussion instrument=Percussion
piano=Piano
pianoforte=Piano
piccolo=Piccolo
pipe organ=PipeOrgan
pitched percussion=PitchedPercussion
ratchet=Ratchet
rattle=Ratchet
recorder=Recorder
reed organ=ReedOrgan
ride cymbals=RideCymbals
sampler=Sampler
sandpaper blocks=SandpaperBlocks
saxophone=Saxophone
saxophones=Saxophone
shakuhachi=Shakuhachi
shamisen=Shamisen
shehnai=Shehnai
siren=Siren
sitar=Sitar
sizzle cymbal=SizzleCymbal
slapstick=Whip
sleigh bells=SleighBells
snare drum=SnareDrum
sock cymbal=HiHatCymbal
soprano=Soprano
soprano saxophone=SopranoSaxophone
sopranos=Soprano
splash cymbals=SplashCymbals
steel drum=SteelDrum
steel drums=SteelDrum
steel pan=SteelDrum
steel pans=SteelDrum
string instrument=StringInstrument
strings=StringInstrument
suspended cymbal=SuspendedCymbal
taiko=Taiko
tam-tam=TamTam
tambourine=Tambourine
temple block=TempleBlock
tenor=Tenor
tenor drum=TenorDrum
tenor saxophone=TenorSaxophone
timbales=Timbales
timpani=Timpani
tom-tom=TomTom
transverse flute=Flute
triangle=Triangle
trombone=Trombone
trombones=Trombone
trumpet=Trumpet
trumpets=Trumpet
tuba=Tuba
tubas=Tuba
tubular bells=TubularBells
tumbadora=CongaDrum
turkish drum=BassDrum
ukelele=Ukulele
ukulele=Ukulele
unpitched percussion=UnpitchedPercussion
vibraharp=Vibraphone
vibraphone=Vibraphone
vibraslap=Vibraslap
viola=Viola
violas=Viola
violin=Violin
violins=Violin
violoncello=Violoncello
violoncellos=Violoncello
voice=Vocalist
whip=Whip
whistle=Whistle
wind instrument=WoodwindInstrument
wind machine=WindMachine
woodblock=Woodblock
woodwind instrument=WoodwindInstrument
xylophone=Xylophone
zills=FingerCymbals
zils=FingerCymbals
)";

// instrument.MIDI_PROGRAM_TO_INSTRUMENT; empty where music21 has no class.
constexpr std::array<std::string_view, 128> kProgramClasses = {
    "Piano", "Piano", "ElectricPiano", "Piano", "ElectricPiano", "ElectricPiano", "Harpsichord", "Clavichord",  // 0-7
    "Celesta", "Glockenspiel", "Glockenspiel", "Vibraphone", "Marimba", "Xylophone", "TubularBells", "Dulcimer",  // 8-15
    "ElectricOrgan", "ElectricOrgan", "ElectricOrgan", "PipeOrgan", "ReedOrgan", "Accordion", "Harmonica", "Accordion",  // 16-23
    "AcousticGuitar", "AcousticGuitar", "ElectricGuitar", "ElectricGuitar", "ElectricGuitar", "ElectricGuitar", "ElectricGuitar", "ElectricGuitar",  // 24-31
    "AcousticBass", "ElectricBass", "ElectricBass", "FretlessBass", "ElectricBass", "ElectricBass", "ElectricBass", "ElectricBass",  // 32-39
    "Violin", "Viola", "Violoncello", "Contrabass", "StringInstrument", "StringInstrument", "Harp", "Timpani",  // 40-47
    "StringInstrument", "StringInstrument", "StringInstrument", "StringInstrument", "Choir", "Vocalist", "Vocalist", "Sampler",  // 48-55
    "Trumpet", "Trombone", "Tuba", "Trumpet", "Horn", "BrassInstrument", "BrassInstrument", "BrassInstrument",  // 56-63
    "SopranoSaxophone", "AltoSaxophone", "TenorSaxophone", "BaritoneSaxophone", "Oboe", "EnglishHorn", "Bassoon", "Clarinet",  // 64-71
    "Piccolo", "Flute", "Recorder", "PanFlute", "PanFlute", "Shakuhachi", "Whistle", "Ocarina",  // 72-79
    "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler",  // 80-87
    "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler",  // 88-95
    "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler",  // 96-103
    "Sitar", "Banjo", "Shamisen", "Koto", "Kalimba", "Bagpipes", "Violin", "Shehnai",  // 104-111
    "Glockenspiel", "Agogo", "SteelDrum", "Woodblock", "Taiko", "TomTom", "Sampler", "Sampler",  // 112-119
    "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler", "Sampler",  // 120-127
};

// Default instrumentName of classes whose name is not their split class name.
const std::unordered_map<std::string, std::string>& irregularDefaultNames() {
  static const std::unordered_map<std::string, std::string> names = {
      {"BassClarinet", "Bass clarinet"}, {"BrassInstrument", "Brass"}, {"HiHatCymbal", "Hi-Hat Cymbal"},
      {"KeyboardInstrument", "Keyboard"}, {"MezzoSoprano", "Mezzo-Soprano"}, {"PitchedPercussion", "Percussion"},
      {"StringInstrument", "StringInstrument"}, {"TamTam", "Tam-Tam"}, {"TomTom", "Tom-Tom"},
      {"UnpitchedPercussion", "Percussion"}, {"Vocalist", "Voice"}, {"WoodwindInstrument", "Woodwind"},
  };
  return names;
}

// music21's class tree, child -> parent, for every class above and its ancestors
// (generated from music21 8.1's classes).
const std::unordered_map<std::string, std::string>& parentClasses() {
  static const std::unordered_map<std::string, std::string> parents = {
      {"Accordion", "Organ"}, {"AcousticBass", "Guitar"}, {"AcousticGuitar", "Guitar"},
      {"Agogo", "UnpitchedPercussion"}, {"Alto", "Vocalist"}, {"AltoSaxophone", "Saxophone"},
      {"Bagpipes", "WoodwindInstrument"}, {"Banjo", "StringInstrument"}, {"Baritone", "Vocalist"},
      {"BaritoneSaxophone", "Saxophone"}, {"Bass", "Vocalist"}, {"BassClarinet", "Clarinet"},
      {"BassDrum", "UnpitchedPercussion"}, {"BassTrombone", "Trombone"}, {"Bassoon", "WoodwindInstrument"},
      {"BongoDrums", "UnpitchedPercussion"}, {"BrassInstrument", "Instrument"}, {"Castanets", "UnpitchedPercussion"},
      {"Celesta", "KeyboardInstrument"}, {"Choir", "Vocalist"}, {"ChurchBells", "PitchedPercussion"},
      {"Clarinet", "WoodwindInstrument"}, {"Clavichord", "KeyboardInstrument"}, {"Conductor", "Instrument"},
      {"CongaDrum", "UnpitchedPercussion"}, {"Contrabass", "StringInstrument"}, {"Contrabassoon", "Bassoon"},
      {"Cowbell", "UnpitchedPercussion"}, {"CrashCymbals", "Cymbals"}, {"Cymbals", "UnpitchedPercussion"},
      {"Dulcimer", "PitchedPercussion"}, {"ElectricBass", "Guitar"}, {"ElectricGuitar", "Guitar"},
      {"ElectricOrgan", "Organ"}, {"ElectricPiano", "Piano"}, {"EnglishHorn", "WoodwindInstrument"},
      {"FingerCymbals", "Cymbals"}, {"Flute", "WoodwindInstrument"}, {"FretlessBass", "Guitar"},
      {"Glockenspiel", "PitchedPercussion"}, {"Gong", "PitchedPercussion"}, {"Guitar", "StringInstrument"},
      {"Handbells", "PitchedPercussion"}, {"Harmonica", "Instrument"}, {"Harp", "StringInstrument"},
      {"Harpsichord", "KeyboardInstrument"}, {"HiHatCymbal", "Cymbals"}, {"Horn", "BrassInstrument"},
      {"Kalimba", "PitchedPercussion"}, {"KeyboardInstrument", "Instrument"}, {"Koto", "StringInstrument"},
      {"Lute", "StringInstrument"}, {"Mandolin", "StringInstrument"}, {"Maracas", "UnpitchedPercussion"},
      {"Marimba", "PitchedPercussion"}, {"MezzoSoprano", "Soprano"}, {"Oboe", "WoodwindInstrument"},
      {"Ocarina", "Flute"}, {"Organ", "Instrument"}, {"PanFlute", "Flute"},
      {"Percussion", "Instrument"}, {"Piano", "KeyboardInstrument"}, {"Piccolo", "Flute"},
      {"PipeOrgan", "Organ"}, {"PitchedPercussion", "Percussion"}, {"Ratchet", "UnpitchedPercussion"},
      {"Recorder", "Flute"}, {"ReedOrgan", "Organ"}, {"RideCymbals", "Cymbals"},
      {"Sampler", "KeyboardInstrument"}, {"SandpaperBlocks", "UnpitchedPercussion"}, {"Saxophone", "WoodwindInstrument"},
      {"Shakuhachi", "Flute"}, {"Shamisen", "StringInstrument"}, {"Shehnai", "WoodwindInstrument"},
      {"Siren", "UnpitchedPercussion"}, {"Sitar", "StringInstrument"}, {"SizzleCymbal", "Cymbals"},
      {"SleighBells", "UnpitchedPercussion"}, {"SnareDrum", "UnpitchedPercussion"}, {"Soprano", "Vocalist"},
      {"SopranoSaxophone", "Saxophone"}, {"SplashCymbals", "Cymbals"}, {"SteelDrum", "PitchedPercussion"},
      {"StringInstrument", "Instrument"}, {"SuspendedCymbal", "Cymbals"}, {"Taiko", "UnpitchedPercussion"},
      {"TamTam", "UnpitchedPercussion"}, {"Tambourine", "UnpitchedPercussion"}, {"TempleBlock", "UnpitchedPercussion"},
      {"Tenor", "Vocalist"}, {"TenorDrum", "UnpitchedPercussion"}, {"TenorSaxophone", "Saxophone"},
      {"Timbales", "UnpitchedPercussion"}, {"Timpani", "PitchedPercussion"}, {"TomTom", "UnpitchedPercussion"},
      {"Triangle", "UnpitchedPercussion"}, {"Trombone", "BrassInstrument"}, {"Trumpet", "BrassInstrument"},
      {"Tuba", "BrassInstrument"}, {"TubularBells", "PitchedPercussion"}, {"Ukulele", "StringInstrument"},
      {"UnpitchedPercussion", "Percussion"}, {"Vibraphone", "PitchedPercussion"}, {"Vibraslap", "UnpitchedPercussion"},
      {"Viola", "StringInstrument"}, {"Violin", "StringInstrument"}, {"Violoncello", "StringInstrument"},
      {"Vocalist", "Instrument"}, {"Whip", "UnpitchedPercussion"}, {"Whistle", "Flute"},
      {"WindMachine", "UnpitchedPercussion"}, {"Woodblock", "UnpitchedPercussion"}, {"WoodwindInstrument", "Instrument"},
      {"Xylophone", "PitchedPercussion"},
  };
  return parents;
}

const std::unordered_map<std::string, std::string>& nameTable() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> out;
    std::istringstream lines{std::string(kNameTable)};
    for (std::string line; std::getline(lines, line);) {
      const auto equals = line.find('=');
      if (equals != std::string::npos) out[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return out;
  }();
  return table;
}

// "AcousticGuitar" -> "Acoustic Guitar".
std::string defaultInstrumentName(const std::string& className) {
  if (auto it = irregularDefaultNames().find(className); it != irregularDefaultNames().end()) return it->second;
  std::string name;
  for (std::size_t i = 0; i < className.size(); ++i) {
    if (i > 0 && std::isupper(static_cast<unsigned char>(className[i]))) name += ' ';
    name += className[i];
  }
  return name;
}

std::string lowerAscii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> splitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// common.removePunctuation after '.' became ' ': drops string.punctuation.
std::string withoutPunctuation(std::string text) {
  std::replace(text.begin(), text.end(), '.', ' ');
  constexpr std::string_view kPunctuation = R"(!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)";
  std::erase_if(text, [&](char c) { return kPunctuation.find(c) != std::string_view::npos; });
  return text;
}

}  // namespace

bool isInstrumentSubclass(const std::string& child, const std::string& parent) {
  for (std::string current = child;;) {
    if (current == parent) return true;
    const auto it = parentClasses().find(current);
    if (it == parentClasses().end()) return parent == "Instrument";
    current = it->second;
  }
}

std::optional<InstrumentInfo> instrumentFromName(const std::string& name) {
  const std::vector<std::string> words = splitWords(withoutPunctuation(name));
  std::optional<std::string> bestClass;
  std::string bestLowerName;
  // Runs of 1, 2, ... words, left to right, as instrument._combinations().
  for (std::size_t size = 1; size <= words.size(); ++size) {
    for (std::size_t start = 0; start + size <= words.size(); ++start) {
      std::string run = words[start];
      for (std::size_t k = 1; k < size; ++k) run += ' ' + words[start + k];
      const auto found = nameTable().find(lowerAscii(run));
      if (found == nameTable().end()) continue;
      const std::string& thisClass = found->second;
      const std::string thisLowerName = lowerAscii(defaultInstrumentName(thisClass));
      if (!bestClass || (splitWords(thisLowerName).size() >= splitWords(bestLowerName).size() &&
                         !isInstrumentSubclass(*bestClass, thisClass))) {
        bestClass = thisClass;
        bestLowerName = thisLowerName;
      }
    }
  }
  if (!bestClass) return std::nullopt;
  return InstrumentInfo{*bestClass, name, std::nullopt};
}

InstrumentInfo instrumentFromProgram(int program, bool drumChannel) {
  if (drumChannel) return InstrumentInfo{"UnpitchedPercussion", "Percussion", std::nullopt};
  if (program < 0 || program > 127 || kProgramClasses[static_cast<std::size_t>(program)].empty()) return {};
  const std::string className(kProgramClasses[static_cast<std::size_t>(program)]);
  return InstrumentInfo{className, defaultInstrumentName(className), std::nullopt};
}

bool isPlaceholderInstrumentName(const std::string& name) {
  const std::string lower = lowerAscii(name);
  const auto isDigits = [](const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  const auto withoutPrefix = [&](const std::string& prefix) {
    std::string out = lower;
    for (std::size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
    return out;
  };
  return lower == "instrument" || lower == "inst" || isDigits(withoutPrefix("instrument ")) ||
         isDigits(withoutPrefix("inst "));
}

}  // namespace lofi::m21
