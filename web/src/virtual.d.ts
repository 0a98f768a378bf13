declare module "virtual:song-titles" {
  const songs: Array<{ id: string; title: string }>;
  export default songs;
}
