declare module "vnu-jar" {
  /** Absolute path of the Nu HTML Checker's vnu.jar. */
  const path: string;
  export default path;
}
