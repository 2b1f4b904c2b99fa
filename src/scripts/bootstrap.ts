/**
 * Runs in <head> before first paint, so elder-friendly mode never flashes or
 * shifts the layout. Its SHA-256 is allowed by the Content-Security-Policy
 * (functions/lib/security.ts and public/_headers); test/unit/csp.test.ts fails
 * when this text changes without the hash.
 */
export const BOOTSTRAP_SCRIPT =
  '(function(){var d=document.documentElement;d.classList.add("js");try{if(localStorage.getItem("portal-elder")==="1")d.classList.add("elder")}catch(e){}})();';
